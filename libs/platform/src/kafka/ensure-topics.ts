import { type ITopicConfig, type Kafka } from 'kafkajs';

/**
 * The replication a topic is created with: the brokers' default unless the operator sets one. With three replicas or
 * more, a write also needs two in sync (min.insync.replicas), so that an acknowledged event survives losing a broker.
 */
export const withReplication = (spec: ITopicConfig, replicationFactor: number | undefined): ITopicConfig => {
  if (replicationFactor === undefined) return spec;
  const configEntries = spec.configEntries ?? [];
  const minInSync = replicationFactor >= 3 && !configEntries.some((entry) => entry.name === 'min.insync.replicas') ? [{ name: 'min.insync.replicas', value: '2' }] : [];
  return { ...spec, replicationFactor, configEntries: [...configEntries, ...minInSync] };
};

/** kafkajs reports a refused creation as "Topic creation errors" and keeps the reasons in a list: say them. */
const explainCreateErrors =
  (replicationFactor: number | undefined) =>
  (error: Error & { errors?: { topic?: string; type?: string; message: string }[] }): never => {
    if (!Array.isArray(error.errors)) throw error;
    const reasons = error.errors.map((e) => `${e.topic ?? 'a topic'}: ${e.message}${e.type === undefined ? '' : ` (${e.type})`}`);
    const hint = replicationFactor === undefined ? '' : ` (KAFKA_TOPIC_REPLICATION_FACTOR is ${replicationFactor}: no more than the cluster's brokers)`;
    throw new Error(`could not create ${reasons.join('; ')}${hint}`, { cause: error });
  };

/**
 * Creates the given topics with their partitions and retention/compaction; existing ones are left as they are.
 * The specs come from the caller (the product's are TOPIC_SPECS in @app/contracts) so each app ensures only what it
 * writes or reads.
 */
export const ensureTopics = async (kafka: Kafka, specs: readonly ITopicConfig[], replicationFactor?: number): Promise<void> => {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = specs.filter((spec) => !existing.has(spec.topic)).map((spec) => withReplication(spec, replicationFactor));
    if (missing.length > 0) await admin.createTopics({ topics: [...missing], waitForLeaders: true }).catch(explainCreateErrors(replicationFactor));
  } finally {
    await admin.disconnect();
  }
};
