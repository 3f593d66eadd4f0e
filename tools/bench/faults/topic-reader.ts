import { randomUUID } from 'node:crypto';
import { type IHeaders, type Kafka } from 'kafkajs';

export interface StoredRecord {
  readonly partition: number;
  readonly offset: string;
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  readonly headers: IHeaders;
}

/**
 * Every record of a topic from `from` (per partition; default: the start) up to its end as it is now, as a
 * read_committed or read_uncommitted reader sees it. Progress is taken from END_BATCH_PROCESS, which also fires for
 * batches of transaction markers only: a committed read that ends on a marker would otherwise wait forever.
 */
export const readToEnd = async (kafka: Kafka, topic: string, options: { readCommitted: boolean; from?: ReadonlyMap<number, string> }): Promise<StoredRecord[]> => {
  const admin = kafka.admin();
  await admin.connect();
  const ends = await admin.fetchTopicOffsets(topic).finally(() => admin.disconnect());
  const position = new Map(ends.map(({ partition, low }) => [partition, BigInt(options.from?.get(partition) ?? low)]));
  const end = new Map(ends.map(({ partition, high }) => [partition, BigInt(high)]));
  const done = () => [...end].every(([partition, high]) => position.get(partition)! >= high);
  const records: StoredRecord[] = [];
  if (done()) return records;

  const consumer = kafka.consumer({
    groupId: `bench-faults-reader-${randomUUID()}`,
    readUncommitted: !options.readCommitted,
    maxWaitTimeInMs: 250,
    // The hostile records include a 5 MB value.
    maxBytesPerPartition: 16 * 1024 * 1024,
  });
  let finished!: () => void;
  const allRead = new Promise<void>((resolve) => (finished = resolve));
  const advance = (partition: number, next: bigint) => {
    if (next > position.get(partition)!) position.set(partition, next);
    if (done()) finished();
  };
  consumer.on(consumer.events.END_BATCH_PROCESS, ({ payload }) => advance(payload.partition, BigInt(payload.lastOffset) + 1n));
  try {
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatch: async ({ batch }) => {
        for (const message of batch.messages) {
          const offset = BigInt(message.offset);
          if (offset < position.get(batch.partition)! || offset >= end.get(batch.partition)!) continue;
          records.push({ partition: batch.partition, offset: message.offset, key: message.key, value: message.value, headers: message.headers ?? {} });
          advance(batch.partition, offset + 1n);
        }
      },
    });
    for (const [partition, offset] of position) consumer.seek({ topic, partition, offset: offset.toString() });
    await allRead;
  } finally {
    await consumer.disconnect();
  }
  return records;
};
