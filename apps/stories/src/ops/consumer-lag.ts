import { type Admin } from 'kafkajs';

export interface PartitionLag {
  readonly partition: number;
  /** Records written but not yet consumed by the group; a partition the group never committed counts from its start. */
  readonly lag: number;
}

export const lagByPartition = (
  ends: ReadonlyArray<{ partition: number; high: string; low: string }>,
  committed: ReadonlyArray<{ partition: number; offset: string }>,
): PartitionLag[] => {
  const position = new Map(committed.map((c) => [c.partition, Number(c.offset)]));
  return ends
    .map(({ partition, high, low }) => {
      const at = position.get(partition);
      // Kafka reports -1 for "no commit yet": the group would start at the earliest record still kept.
      const from = at === undefined || at < 0 ? Number(low) : at;
      return { partition, lag: Math.max(0, Number(high) - from) };
    })
    .sort((a, b) => a.partition - b.partition);
};

/**
 * How far a consumer group is behind on a topic, per partition. Both reads are settled before either failure is
 * passed on: kafkajs retries a read on its own, and one left retrying after its sibling failed outlives the sample,
 * reconnecting an admin its owner has already disconnected.
 */
export const readConsumerLag = async (admin: Admin, groupId: string, topic: string): Promise<PartitionLag[]> => {
  const [ends, offsets] = await Promise.allSettled([admin.fetchTopicOffsets(topic), admin.fetchOffsets({ groupId, topics: [topic] })]);
  if (ends.status === 'rejected') throw ends.reason;
  if (offsets.status === 'rejected') throw offsets.reason;
  return lagByPartition(ends.value, offsets.value[0]?.partitions ?? []);
};

/** The topic's end offsets summed: a counter of everything ever written to it, for the input rate. */
export const readTopicEnd = async (admin: Admin, topic: string): Promise<number> =>
  (await admin.fetchTopicOffsets(topic)).reduce((sum, p) => sum + Number(p.high), 0);
