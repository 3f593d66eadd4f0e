import { Kafka } from 'kafkajs';
import { TOPIC_SPECS } from '@app/contracts';

/** Creates the product's topics with their partitions and retention/compaction; existing ones are left as they are. */
export const ensureTopics = async (kafka: Kafka): Promise<void> => {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = TOPIC_SPECS.filter((spec) => !existing.has(spec.topic));
    if (missing.length > 0) await admin.createTopics({ topics: [...missing], waitForLeaders: true });
  } finally {
    await admin.disconnect();
  }
};
