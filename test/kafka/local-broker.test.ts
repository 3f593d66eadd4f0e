import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Admin, Kafka, logLevel } from 'kafkajs';
import { type LocalBroker, startLocalBroker } from '../../tools/kafka/local-broker';
import { consumeUntil } from '../support/kafka';
import { commandLine, isRunning } from '../support/processes';
import { describeWithLocalBrokers } from '../support/local-broker-suite';

const jvmsUsing = (dir: string): string[] =>
  execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' })
    .split('\n')
    .filter((args) => args.startsWith('java') && args.includes(dir));

describeWithLocalBrokers('startLocalBroker', () => {
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

const untilGroupCoordinatorAnswers = async (admin: Admin, groupId: string): Promise<void> => {
  for (let attempt = 1; ; attempt++) {
    const answered = await admin.describeGroups([groupId]).then(
      () => true,
      (error: Error) => {
        if (attempt >= 60) throw error;
        return false;
      },
    );
    if (answered) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
};

describeWithLocalBrokers('LocalBroker.restart', () => {
  let broker: LocalBroker | undefined;
  afterEach(() => broker?.stop());

  /** The broker's work dir, read off the JVM's command line (its log4j file lives there). */
  const workDirOf = (pid: number): string => /-Dlog4j\.configuration=file:(\S+)\/log4j\.properties/.exec(commandLine(pid) ?? '')![1];

  it('comes back on the same address with its topics, committed transactions and group offsets, and stop() still leaves nothing', async () => {
    broker = await startLocalBroker({ log: () => undefined });
    const workDir = workDirOf(broker.pid);
    const kafka = new Kafka({ clientId: 'restart-test', brokers: [broker.brokers], logLevel: logLevel.NOTHING });
    const topic = 'restart.topic';
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
    // A new broker creates __consumer_offsets at the first group request and answers "coordinator not available"
    // until it has loaded it; the transactional sendOffsets below gives up sooner than that can take on a busy box.
    await untilGroupCoordinatorAnswers(admin, 'restart-group');
    const producer = kafka.producer({ transactionalId: 'restart-tx', idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    const transaction = await producer.transaction();
    await transaction.send({ topic, messages: [{ key: 'k', value: 'before the restart' }] });
    await transaction.sendOffsets({ consumerGroupId: 'restart-group', topics: [{ topic, partitions: [{ partition: 0, offset: '1' }] }] });
    await transaction.commit();
    await producer.disconnect();
    await admin.disconnect();

    const before = { brokers: broker.brokers, pid: broker.pid };
    await broker.restart();
    expect(broker.brokers).toBe(before.brokers);
    expect(broker.pid).not.toBe(before.pid);
    expect(isRunning(before.pid)).toBe(false);
    expect(workDirOf(broker.pid)).toBe(workDir);
    expect(jvmsUsing(workDir)).toHaveLength(1);

    await admin.connect();
    expect(await admin.listTopics()).toContain(topic);
    const [{ partitions }] = await admin.fetchOffsets({ groupId: 'restart-group', topics: [topic] });
    expect(partitions).toEqual([expect.objectContaining({ partition: 0, offset: '1' })]);
    await admin.disconnect();
    // The same transactional id works again, and a read_committed reader sees both commits.
    const again = kafka.producer({ transactionalId: 'restart-tx', idempotent: true, maxInFlightRequests: 1 });
    await again.connect();
    const second = await again.transaction();
    await second.send({ topic, messages: [{ key: 'k', value: 'after the restart' }] });
    await second.commit();
    await again.disconnect();
    const consumer = kafka.consumer({ groupId: 'restart-reader', maxWaitTimeInMs: 100, readUncommitted: false });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    const values = await consumeUntil(consumer, (received) => received.length >= 2);
    await consumer.disconnect();
    expect(values.map((r) => r.value)).toEqual(['before the restart', 'after the restart']);

    const pid = broker.pid;
    await broker.stop();
    broker = undefined;
    expect(isRunning(pid)).toBe(false);
    expect(jvmsUsing(workDir)).toEqual([]);
    expect(existsSync(workDir)).toBe(false);
  }, 240_000);
});
