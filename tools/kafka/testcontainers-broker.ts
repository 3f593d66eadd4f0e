import type { RunningBroker } from './local-broker';

/**
 * Confluent's image, because @testcontainers/kafka drives Confluent's start script; 7.9 ships Apache Kafka 3.9,
 * the version the local broker and docker-compose.yml run.
 */
const KAFKA_IMAGE = 'confluentinc/cp-kafka:7.9.0';
const CLIENT_PORT = 9093;

/** Testcontainers is loaded only here, so machines without Docker never pay for requiring it. */
export const startTestcontainersBroker = async (): Promise<RunningBroker> => {
  const { KafkaContainer } = await import('@testcontainers/kafka');
  const container = await new KafkaContainer(KAFKA_IMAGE).withKraft().start();
  return {
    brokers: `${container.getHost()}:${container.getMappedPort(CLIENT_PORT)}`,
    stop: async () => {
      await container.stop();
    },
  };
};
