import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalBroker } from '../../tools/kafka/local-broker';

// Starts JVMs of its own from the cached jars, so it only makes sense where the local broker is the one in use.
const describeLocal = process.env.KAFKA_BROKER_SOURCE === 'local' ? describe : describe.skip;

describeLocal('startLocalBroker', () => {
  let privateTmp: string;
  let savedTmpdir: string | undefined;
  beforeEach(() => {
    // The launcher makes its work dirs under os.tmpdir(); a private one shows exactly what this test left behind.
    savedTmpdir = process.env.TMPDIR;
    privateTmp = mkdtempSync(join(tmpdir(), 'local-broker-test-'));
    process.env.TMPDIR = privateTmp;
  });
  afterEach(() => {
    process.env.TMPDIR = savedTmpdir;
    rmSync(privateTmp, { recursive: true, force: true });
  });

  const jvmsUsing = (dir: string): string[] =>
    execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' })
      .split('\n')
      .filter((args) => args.startsWith('java') && args.includes(dir));

  it('retries a start that does not become ready in time, then fails saying why and leaves nothing behind', async () => {
    const logged: string[] = [];
    await expect(startLocalBroker({ readyTimeoutMs: 1, attempts: 2, log: (line) => logged.push(line) })).rejects.toThrow(
      'The local Kafka broker did not start: no "Kafka Server started" within 1 ms',
    );
    expect(logged).toEqual([expect.stringMatching(/^start attempt 1 failed, retrying: no "Kafka Server started" within 1 ms/)]);
    expect(jvmsUsing(privateTmp)).toEqual([]);
    expect(readdirSync(privateTmp)).toEqual([]);
  });
});
