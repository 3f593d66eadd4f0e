import { type Kafka } from 'kafkajs';

/**
 * The ceiling: the same payloads through a bare kafkajs producer and consumer on this broker, with the producer
 * settings the gateway uses (idempotent, acks=all) and nothing in between.
 */
export const passThrough = async (kafka: Kafka, lines: readonly string[]): Promise<{ perSecond: number }> => {
  const topic = `bench.passthrough.${Date.now()}`;
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 6 }], waitForLeaders: true });
  await admin.disconnect();
  const consumer = kafka.consumer({ groupId: `${topic}.reader`, maxWaitTimeInMs: 20 });
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await Promise.all([consumer.connect(), producer.connect()]);
  await consumer.subscribe({ topic, fromBeginning: true });
  let joined!: () => void;
  const ready = new Promise<void>((resolve) => (joined = resolve));
  consumer.on(consumer.events.GROUP_JOIN, () => joined());
  let received = 0;
  let lastAt = 0;
  const all = new Promise<void>((resolve) => {
    void consumer.run({
      eachBatch: async ({ batch }) => {
        received += batch.messages.length;
        lastAt = Date.now();
        if (received >= lines.length) resolve();
      },
    });
  });
  // The clock starts once the consumer owns its partitions, so the group join is not counted against Kafka.
  await ready;
  const began = Date.now();
  const batches: Promise<unknown>[] = [];
  for (let i = 0; i < lines.length; i += 500) {
    const slice = lines.slice(i, i + 500);
    batches.push(producer.send({ topic, acks: -1, messages: slice.map((value, j) => ({ key: String(i + j), value })) }));
  }
  await Promise.all(batches);
  await all;
  await Promise.all([consumer.disconnect(), producer.disconnect()]);
  return { perSecond: lines.length / ((lastAt - began) / 1000) };
};
