import { type DynamicModule, Logger, Module } from '@nestjs/common';
import { Kafka, logLevel } from 'kafkajs';
import { Topics } from '@app/contracts';
import { kafkaConfigFromEnv, kafkajsLogCreator, KafkaReachability, METRICS_REGISTRY } from '@app/platform';
import { type Registry } from 'prom-client';
import { DEDUP_CONFIG } from '../config/dedup-config.token';
import { type DedupConfig } from '../config/dedup.config';
import { engineConfigOf } from '../config/engine-settings';
import { dedupTopics } from '../config/dedup-topics';
import { ExactlyOnceTransport } from '../exactly-once/exactly-once.transport';
import { DedupMetrics } from '../metrics/dedup-metrics';
import { SnapshotStore } from '../snapshots/snapshot-store';
import { StoryEngine } from '../story-state/story-engine';
import { StorySnapshots } from '../story-state/story-snapshots';
import { MAX_OUTPUT_RECORD_BYTES } from './record-limits';
import { DecideArticleController } from './decide-article.controller';
import { StreamStatusController } from './stream-status.controller';

const KAFKA = Symbol('KAFKA');

/** Nest's Logger takes (message, context); the stream's collaborators log (message, fields). */
const logWith = (name: string) => {
  const logger = new Logger(name);
  return {
    info: (message: string, fields: Record<string, unknown> = {}) => logger.log(fields, message),
    warn: (message: string, fields: Record<string, unknown> = {}) => logger.warn(fields, message),
    error: (message: string, fields: Record<string, unknown> = {}) => logger.error(fields, message),
  };
};

const storyEngine = (kafka: Kafka, config: DedupConfig, metrics: DedupMetrics): StoryEngine => {
  const topics = dedupTopics(config);
  const engine = engineConfigOf(config);
  const log = logWith(StoryEngine.name);
  const store = new SnapshotStore(config.SNAPSHOT_DIR, (path, reason) => log.warn('snapshot skipped; the story log covers it', { path, reason }));
  const policy = { everyEvents: config.SNAPSHOT_EVERY_EVENTS, everyMs: config.SNAPSHOT_EVERY_MS };
  const snapshots = new StorySnapshots(store, { dir: config.SNAPSHOT_DIR, topic: topics.storyEvents, engine, policy }, log);
  const storyEngine = new StoryEngine(
    kafka,
    { topics, engine, maxBodyBytes: config.MAX_BODY_BYTES, groupId: config.DEDUP_GROUP_ID, replicationFactor: config.KAFKA_TOPIC_REPLICATION_FACTOR },
    snapshots,
    log,
    metrics,
  );
  metrics.observe({ index: () => ({ articles: storyEngine.indexedArticles, stories: storyEngine.stories, terms: storyEngine.vocabularyTerms }), lastSnapshotAt: () => snapshots.lastWrittenAt });
  return storyEngine;
};

const transport = (kafka: Kafka, config: DedupConfig, engine: StoryEngine, metrics: DedupMetrics): ExactlyOnceTransport => {
  const logger = new Logger(ExactlyOnceTransport.name);
  const stream = new ExactlyOnceTransport(
    kafka,
    {
      groupId: config.DEDUP_GROUP_ID,
      transactionalId: config.DEDUP_TRANSACTIONAL_ID,
      inputs: { [config.ARTICLES_TOPIC]: Topics.articles },
      recordsPerTransaction: config.DEDUP_RECORDS_PER_TRANSACTION,
      sessionTimeoutMs: config.DEDUP_SESSION_TIMEOUT_MS,
      maxSendBytes: MAX_OUTPUT_RECORD_BYTES,
      onProgress: (topic, partition, highWatermark, lastOffset) => metrics.fetched(topic, partition, highWatermark, lastOffset),
    },
    engine,
    { log: (m: string) => logger.log(m), warn: (m: string) => logger.warn(m), error: (m: string) => logger.error(m) },
  );
  stream.status.subscribe((status) => metrics.ownsPartitions(status === 'owner'));
  return stream;
};

/**
 * The story stream: the engine state, the exactly-once transport that drives it (connected as a Nest
 * microservice in main.ts), the @EventPattern handler, and what health and operators read of it.
 */
@Module({})
export class StoryStreamModule {
  static forConfig(config: DedupConfig): DynamicModule {
    return {
      module: StoryStreamModule,
      controllers: [DecideArticleController, StreamStatusController],
      providers: [
        { provide: DEDUP_CONFIG, useValue: config },
        { provide: KAFKA, useFactory: () => new Kafka({ ...kafkaConfigFromEnv(config), logLevel: logLevel.WARN, logCreator: kafkajsLogCreator(new Logger('kafkajs')) }) },
        { provide: DedupMetrics, useFactory: (registry: Registry) => new DedupMetrics(registry), inject: [METRICS_REGISTRY] },
        { provide: StoryEngine, useFactory: storyEngine, inject: [KAFKA, DEDUP_CONFIG, DedupMetrics] },
        { provide: ExactlyOnceTransport, useFactory: transport, inject: [KAFKA, DEDUP_CONFIG, StoryEngine, DedupMetrics] },
        // For readiness: the transport's clients stay quiet through a broker outage, so the cluster is asked itself.
        { provide: KafkaReachability, useFactory: () => new KafkaReachability(kafkaConfigFromEnv(config)) },
      ],
      exports: [ExactlyOnceTransport, StoryEngine, KafkaReachability],
    };
  }
}
