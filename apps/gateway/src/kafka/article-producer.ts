import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { CompressionTypes, Kafka, logLevel, Partitioners, type Producer, type RecordMetadata } from 'kafkajs';
import { TOPIC_SPECS, Topics } from '@app/contracts';
import { ensureTopics, kafkaConfigFromEnv, kafkajsLogCreator, KafkaReachability } from '@app/platform';
import { GATEWAY_CONFIG } from '../config/gateway-config.token';
import { type GatewayConfig } from '../config/gateway.config';
import { type KeyedRecord } from './keyed-record';
import { KafkaUnavailableError } from './kafka-unavailable.error';
import { withTimeout } from './with-timeout';

/**
 * Sends whose acknowledgement is still outstanding, timed-out ones included (kafkajs keeps retrying those). Past
 * this, new writes are refused at once: during an outage memory must not grow with every client retry.
 */
const MAX_PENDING_SENDS = 256;

/**
 * The gateway's one idempotent producer to the articles topic. It connects in the background so the gateway
 * starts, and answers 503, while Kafka is away; every write is bounded by the produce timeout.
 */
@Injectable()
export class ArticleProducer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ArticleProducer.name);
  private readonly kafka: Kafka;
  private readonly reachability: KafkaReachability;
  private connection: Promise<Producer> | undefined;
  private producer: Producer | undefined;
  private pendingSends = 0;

  constructor(@Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig) {
    this.kafka = new Kafka({ ...kafkaConfigFromEnv(config), logLevel: logLevel.WARN, logCreator: kafkajsLogCreator(this.logger) });
    this.reachability = new KafkaReachability(kafkaConfigFromEnv(config));
  }

  get topic(): string {
    return this.config.ARTICLES_TOPIC;
  }

  onApplicationBootstrap(): void {
    this.connected().catch((error: Error) => this.logger.warn(`Kafka not reachable yet, writes answer 503 until it is: ${error.message}`));
  }

  /** Resolves once Kafka acknowledged every record (acks=all), else rejects with KafkaUnavailableError. */
  async send(records: readonly KeyedRecord[]): Promise<RecordMetadata[]> {
    if (this.pendingSends >= MAX_PENDING_SENDS) throw new KafkaUnavailableError(`${MAX_PENDING_SENDS} writes are already waiting for Kafka`, { maybeStored: false });
    this.pendingSends += 1;
    const sent = this.connected().then((producer) =>
      producer.send({ topic: this.topic, messages: [...records], acks: -1, compression: CompressionTypes.GZIP }),
    );
    sent.then(
      () => (this.pendingSends -= 1),
      () => (this.pendingSends -= 1),
    );
    const timeoutMs = this.config.KAFKA_PRODUCE_TIMEOUT_MS;
    try {
      return await withTimeout(sent, timeoutMs, () => new KafkaUnavailableError(`no acknowledgement from Kafka within ${timeoutMs} ms`));
    } catch (error) {
      throw error instanceof KafkaUnavailableError ? error : new KafkaUnavailableError('Kafka is unreachable or refused the write', { cause: error });
    }
  }

  /** For the readiness probe: rejects, and starts a connection attempt, while the producer is not connected; once
   * it is, rejects while the cluster does not answer. */
  async ready(): Promise<void> {
    if (this.producer === undefined) {
      this.connected().catch(() => undefined);
      throw new Error('not connected to Kafka yet');
    }
    await this.reachability.check();
  }

  /** After the HTTP server has closed, i.e. once in-flight requests have had their answers. */
  async onApplicationShutdown(): Promise<void> {
    const producer = await this.connection?.catch(() => undefined);
    await Promise.all([producer?.disconnect(), this.reachability.close()]);
  }

  /** One shared connection attempt; a failed one is forgotten so the next write tries again. */
  private connected(): Promise<Producer> {
    this.connection ??= this.connect().catch((error: unknown) => {
      this.connection = undefined;
      throw error;
    });
    return this.connection;
  }

  private async connect(): Promise<Producer> {
    const spec = TOPIC_SPECS.find((s) => s.topic === Topics.articles)!;
    await ensureTopics(this.kafka, [{ ...spec, topic: this.topic }], this.config.KAFKA_TOPIC_REPLICATION_FACTOR);
    // Idempotent: a retried batch is written once. kafkajs then sends acks=all with unbounded retries (our timeout
    // bounds the wait) and serialises requests per broker; one in flight keeps the ordering guarantee simple.
    const producer = this.kafka.producer({ idempotent: true, maxInFlightRequests: 1, createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    this.producer = producer;
    return producer;
  }
}
