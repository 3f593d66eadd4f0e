import { ensureTopics } from '@app/platform';
import { testKafka, uniqueName } from '../support/kafka';

const kafka = testKafka('ensure-topics-test');

describe('ensureTopics on a real broker', () => {
  it('creates a missing topic with the replication asked for, and refuses more replicas than there are brokers', async () => {
    const admin = kafka.admin();
    await admin.connect();
    try {
      const topic = uniqueName('ensure-topics');
      await ensureTopics(kafka, [{ topic, numPartitions: 2 }], 1);
      const [metadata] = (await admin.fetchTopicMetadata({ topics: [topic] })).topics;
      expect(metadata.partitions.map((p) => p.replicas.length)).toEqual([1, 1]);
      // The test broker is one node: asking for three replicas reaches the broker, which says why it cannot.
      await expect(ensureTopics(kafka, [{ topic: uniqueName('ensure-topics'), numPartitions: 1 }], 3)).rejects.toThrow(
        /^could not create ensure-topics\.\S+: Replication-factor is invalid \(INVALID_REPLICATION_FACTOR\) \(KAFKA_TOPIC_REPLICATION_FACTOR is 3: no more than the cluster.s brokers\)$/,
      );
    } finally {
      await admin.disconnect();
    }
  });
});
