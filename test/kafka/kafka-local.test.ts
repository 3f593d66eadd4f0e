import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { commandLine, isRunning, waitUntil } from '../support/processes';
import { describeWithLocalBrokers } from '../support/local-broker-suite';

const ROOT = join(__dirname, '..', '..');

interface Started {
  readonly child: ChildProcessWithoutNullStreams;
  readonly stdout: () => string;
  readonly brokers: string;
  readonly jvmPid: number;
  readonly workDir: string;
}

/** Runs `npm run kafka:local`'s script as its own process, exactly as a developer would, and waits for it. */
const startKafkaLocal = (): Promise<Started> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', 'scripts/kafka-local.ts'], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    const check = (): void => {
      const brokers = /^KAFKA_BROKERS=(.+)\n/.exec(stdout)?.[1];
      const jvmPid = /JVM pid (\d+)/.exec(stderr)?.[1];
      if (brokers === undefined || jvmPid === undefined) return;
      const workDir = /-Dlog4j\.configuration=file:(\S+)\/log4j\.properties/.exec(commandLine(Number(jvmPid)) ?? '')?.[1];
      if (workDir === undefined) return reject(new Error(`cannot read the JVM's work dir from: ${commandLine(Number(jvmPid))}`));
      resolve({ child, stdout: () => stdout, brokers, jvmPid: Number(jvmPid), workDir });
    };
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      check();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      check();
    });
    child.once('exit', (code) => reject(new Error(`kafka:local exited with ${code} before it was ready:\n${stderr}`)));
  });

const exitOf = (child: ChildProcessWithoutNullStreams): Promise<number | null> =>
  child.exitCode !== null ? Promise.resolve(child.exitCode) : new Promise((resolve) => child.once('exit', resolve));

describeWithLocalBrokers('npm run kafka:local', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)('prints one KAFKA_BROKERS line, serves clients, and leaves nothing behind on %s', async (signal) => {
    const started = await startKafkaLocal();
    expect(started.brokers).toMatch(/^127\.0\.0\.1:\d+$/);

    const admin = new Kafka({ clientId: 'kafka-local-test', brokers: [started.brokers], logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: 'kafka-local-test' }], waitForLeaders: true });
    expect(await admin.listTopics()).toContain('kafka-local-test');
    await admin.disconnect();

    started.child.kill(signal);
    expect(await exitOf(started.child)).toBe(0);
    expect(started.stdout()).toBe(`KAFKA_BROKERS=${started.brokers}\n`);
    // stop() waits for the JVM, so it must already be gone when the script exits.
    expect(isRunning(started.jvmPid)).toBe(false);
    expect(existsSync(started.workDir)).toBe(false);
  });

  it('takes its JVM down even when it is killed with SIGKILL and cannot clean up', async () => {
    const started = await startKafkaLocal();
    expect(isRunning(started.jvmPid)).toBe(true);

    started.child.kill('SIGKILL');
    await exitOf(started.child);
    expect(await waitUntil(() => !isRunning(started.jvmPid), 40_000)).toBe(true);
    expect(await waitUntil(() => !existsSync(started.workDir), 5_000)).toBe(true);
  });
});
