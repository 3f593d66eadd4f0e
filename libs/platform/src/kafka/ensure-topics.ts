import { type ITopicConfig, type Kafka } from 'kafkajs';

/**
 * Creates the given topics with their partitions and retention/compaction; existing ones are left as they are.
 * The specs come from the caller (the product's are TOPIC_SPECS in @app/contracts) so each app ensures only what it
 * writes or reads.
 */
export const ensureTopics = async (kafka: Kafka, specs: readonly ITopicConfig[]): Promise<void> => {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = specs.filter((spec) => !existing.has(spec.topic));
    if (missing.length > 0) await admin.createTopics({ topics: [...missing], waitForLeaders: true });
  } finally {
    await admin.disconnect();
  }
};
