import { randomBytes } from 'node:crypto';
import { type Consumer, type ConsumerConfig, Kafka, logLevel, Partitioners, type Producer, type ProducerConfig } from 'kafkajs';

/** The broker global-setup started (or the one KAFKA_BROKERS named). */
export const testBrokers = (): string[] => {
  const brokers = process.env.KAFKA_BROKERS;
  if (!brokers) throw new Error('KAFKA_BROKERS is not set: run integration tests through jest so global-setup starts a broker');
  return brokers.split(',');
};

export const testKafka = (clientId = 'integration-test'): Kafka =>
  // kafkajs logs retriable errors at ERROR level (coordinator not yet elected, a transaction still finishing) and
  // retries them; anything that really fails reaches the test as a rejected promise.
  new Kafka({ clientId, brokers: testBrokers(), logLevel: logLevel.NOTHING });

/** Topic and group names unique per test run, so tests never see each other's records or offsets. */
export const uniqueName = (prefix: string): string => `${prefix}.${Date.now().toString(36)}.${randomBytes(4).toString('hex')}`;

export const createTopics = async (kafka: Kafka, topics: string[], numPartitions = 1): Promise<void> => {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.createTopics({ topics: topics.map((topic) => ({ topic, numPartitions })), waitForLeaders: true });
  } finally {
    await admin.disconnect();
  }
};

export const testProducer = (kafka: Kafka, config: ProducerConfig = {}): Producer =>
  kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, ...config });

/** Fetches fast so tests are not paced by the default 5 s long poll. */
export const testConsumer = (kafka: Kafka, config: ConsumerConfig): Consumer => kafka.consumer({ maxWaitTimeInMs: 100, ...config });

export interface Received {
  readonly partition: number;
  readonly offset: string;
  readonly key: string | undefined;
  readonly value: string | undefined;
}

/**
 * Runs a subscribed consumer until `done` holds for what it has received, then stops it. Tests end their
 * streams with a known last record so they can stop on it instead of waiting for silence.
 */
export const consumeUntil = async (
  consumer: Consumer,
  done: (received: readonly Received[]) => boolean,
  timeoutMs = 60_000,
): Promise<Received[]> => {
  const received: Received[] = [];
  let timer: NodeJS.Timeout | undefined;
  try {
    await new Promise<void>((resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`gave up after ${timeoutMs} ms with ${JSON.stringify(received)}`)), timeoutMs);
      consumer
        .run({
          autoCommit: false,
          eachMessage: async ({ partition, message }) => {
            received.push({
              partition,
              offset: message.offset,
              key: message.key?.toString(),
              value: message.value?.toString(),
            });
            if (done(received)) resolve();
          },
        })
        .catch(reject);
    });
  } finally {
    clearTimeout(timer);
    await consumer.stop();
  }
  return received;
};
