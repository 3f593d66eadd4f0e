import { type Admin, type Kafka, type Producer } from 'kafkajs';
import { consumeUntil, createTopics, testConsumer, testKafka, testProducer, uniqueName } from '../support/kafka';

/**
 * What the apps rely on from Kafka, checked against the real broker: manual offset commits in a group, and the
 * consume–transform–produce transaction that makes dedup exactly-once.
 */
describe('Kafka broker', () => {
  let kafka: Kafka;
  let admin: Admin;
  let producer: Producer;

  beforeAll(async () => {
    kafka = testKafka('broker-test');
    admin = kafka.admin();
    producer = testProducer(kafka);
    await Promise.all([admin.connect(), producer.connect()]);
  });

  afterAll(async () => {
    await Promise.all([admin.disconnect(), producer.disconnect()]);
  });

  const committedOffset = async (groupId: string, topic: string): Promise<string | undefined> => {
    const [offsets] = await admin.fetchOffsets({ groupId, topics: [topic] });
    return offsets?.partitions[0]?.offset;
  };

  /** Transactional offsets become visible once the commit markers land, a moment after commit() returns. */
  const eventuallyCommitted = async (groupId: string, topic: string, expected: string): Promise<void> => {
    const deadline = Date.now() + 15_000;
    let offset = await committedOffset(groupId, topic);
    while (offset !== expected && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      offset = await committedOffset(groupId, topic);
    }
    expect(offset).toBe(expected);
  };

  it('creates topics with the requested partitions', async () => {
    const topic = uniqueName('broker-test.topics');
    await createTopics(kafka, [topic], 3);
    const metadata = await admin.fetchTopicMetadata({ topics: [topic] });
    expect(metadata.topics[0]?.partitions).toHaveLength(3);
  });

  it('resumes a consumer group after its manually committed offset', async () => {
    const topic = uniqueName('broker-test.commits');
    const groupId = uniqueName('broker-test.group');
    await createTopics(kafka, [topic]);
    await producer.send({ topic, messages: ['m0', 'm1', 'm2', 'm3', 'm4'].map((value) => ({ key: value, value })) });

    // The first member reads everything but commits only up to m2, as if it crashed before finishing m3 and m4.
    const first = testConsumer(kafka, { groupId });
    await first.connect();
    await first.subscribe({ topic, fromBeginning: true });
    const seen: string[] = [];
    await new Promise<void>((resolve, reject) => {
      first
        .run({
          autoCommit: false,
          eachMessage: async ({ partition, message }) => {
            seen.push(message.value?.toString() ?? '');
            if (message.value?.toString() === 'm2') {
              await first.commitOffsets([{ topic, partition, offset: (BigInt(message.offset) + 1n).toString() }]);
            }
            if (seen.length === 5) resolve();
          },
        })
        .catch(reject);
    });
    await first.disconnect();
    expect(seen).toEqual(['m0', 'm1', 'm2', 'm3', 'm4']);
    expect(await committedOffset(groupId, topic)).toBe('3');

    const restarted = testConsumer(kafka, { groupId });
    await restarted.connect();
    await restarted.subscribe({ topic, fromBeginning: true });
    const resumed = await consumeUntil(restarted, (received) => received.some((r) => r.value === 'm4'));
    await restarted.disconnect();
    expect(resumed.map((r) => [r.offset, r.value])).toEqual([
      ['3', 'm3'],
      ['4', 'm4'],
    ]);
  });

  it('commits output and input offsets in one transaction, and an aborted one leaves no trace for readers', async () => {
    const input = uniqueName('broker-test.tx-in');
    const output = uniqueName('broker-test.tx-out');
    const groupId = uniqueName('broker-test.processor');
    await createTopics(kafka, [input, output]);
    await producer.send({ topic: input, messages: ['a', 'b', 'c'].map((value) => ({ key: value, value })) });

    const txProducer = kafka.producer({ transactionalId: uniqueName('broker-test.tx'), idempotent: true, maxInFlightRequests: 1 });
    await txProducer.connect();
    const processor = testConsumer(kafka, { groupId });
    await processor.connect();
    await processor.subscribe({ topic: input, fromBeginning: true });

    let aborts = 0;
    let committedWhenAborted: string | undefined;
    let processed = 0;
    await new Promise<void>((resolve, reject) => {
      processor
        .run({
          autoCommit: false,
          eachMessage: async ({ topic, partition, message }) => {
            const value = message.value?.toString() ?? '';
            const next = (BigInt(message.offset) + 1n).toString();
            for (;;) {
              const transaction = await txProducer.transaction();
              await transaction.send({ topic: output, messages: [{ key: message.key, value: value.toUpperCase() }] });
              await transaction.sendOffsets({ consumerGroupId: groupId, topics: [{ topic, partitions: [{ partition, offset: next }] }] });
              if (value === 'b' && aborts === 0) {
                await transaction.abort();
                aborts += 1;
                committedWhenAborted = await committedOffset(groupId, input);
                continue;
              }
              await transaction.commit();
              break;
            }
            processed += 1;
            if (processed === 3) resolve();
          },
        })
        .catch(reject);
    });
    await processor.disconnect();
    await txProducer.disconnect();

    expect(aborts).toBe(1);
    // The aborted transaction carried offset 2 for the group; only a's committed offset 1 may be visible.
    expect(committedWhenAborted).toBe('1');
    await eventuallyCommitted(groupId, input, '3');

    // 'C' is the last record in the single output partition, so reading up to it reads everything.
    const untilC = (received: readonly { value: string | undefined }[]): boolean => received.some((r) => r.value === 'C');
    const committedReader = testConsumer(kafka, { groupId: uniqueName('broker-test.read-committed') });
    const uncommittedReader = testConsumer(kafka, { groupId: uniqueName('broker-test.read-uncommitted'), readUncommitted: true });
    await Promise.all([committedReader.connect(), uncommittedReader.connect()]);
    await committedReader.subscribe({ topic: output, fromBeginning: true });
    await uncommittedReader.subscribe({ topic: output, fromBeginning: true });
    const [committed, uncommitted] = await Promise.all([
      consumeUntil(committedReader, untilC),
      consumeUntil(uncommittedReader, untilC),
    ]);
    await Promise.all([committedReader.disconnect(), uncommittedReader.disconnect()]);

    expect(committed.map((r) => [r.key, r.value])).toEqual([
      ['a', 'A'],
      ['b', 'B'],
      ['c', 'C'],
    ]);
    // The aborted B is really in the log: read_committed filtering, not luck, is what hides it.
    expect(uncommitted.map((r) => r.value)).toEqual(['A', 'B', 'B', 'C']);

    // A new member of the processor's group starts after the transactionally committed offset.
    await producer.send({ topic: input, messages: [{ key: 'd', value: 'd' }] });
    const successor = testConsumer(kafka, { groupId });
    await successor.connect();
    await successor.subscribe({ topic: input, fromBeginning: true });
    const resumed = await consumeUntil(successor, (received) => received.length > 0);
    await successor.disconnect();
    expect(resumed.map((r) => [r.offset, r.value])).toEqual([['3', 'd']]);
  });
});
