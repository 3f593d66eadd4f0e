import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { TOPIC_SPECS, Topics } from '@app/contracts';
import { ensureTopics, FETCH_WAIT_MS, kafkaConfigFromEnv, kafkajsLogCreator, METRICS_REGISTRY } from '@app/platform';
import { type Consumer, type EachBatchPayload, Kafka, logLevel } from 'kafkajs';
import { type Registry } from 'prom-client';
import { type StoriesConfig } from '../config/stories.config';
import { STORIES_CONFIG } from '../config/stories-config.token';
import { type Database, DATABASE, schemaName } from '../database/database';
import { applyBatch, type BatchOutcome, type BatchTarget } from './apply-batch';
import { registerProjectionMetrics } from './projection-metrics';
import { storedOffset } from './projection-offsets';
import { storyEventsChannel } from './story-events-channel';

export interface ProjectionStatus {
  /** running: in its consumer group and consuming; starting: connecting or rejoining; stopped: shut down. */
  readonly state: 'starting' | 'running' | 'stopped';
  /** Why it is not running, when it knows. */
  readonly problem?: string;
  readonly applied: number;
  readonly duplicates: number;
  readonly rejected: number;
  readonly alreadyApplied: number;
  readonly lastSeq: number;
}

const MAX_RETRY_DELAY_MS = 30_000;

/**
 * news.story-events.v1 → the read model. A plain kafkajs consumer (read_committed, no Kafka offset commits: the
 * database stores them with the rows) inside a Nest provider. It starts in the background so the API serves what
 * the database holds while Kafka is unreachable; readiness says whether it consumes.
 */
@Injectable()
export class StoryProjection implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(StoryProjection.name);
  private readonly kafka: Kafka;
  private readonly schema: string;
  private consumer?: Consumer;
  private readonly stopping = new AbortController();
  private starting?: Promise<void>;
  private state: ProjectionStatus['state'] = 'starting';
  private problem?: string;
  private readonly counts = { applied: 0, duplicates: 0, rejected: 0, alreadyApplied: 0, lastSeq: 0 };

  constructor(
    @Inject(STORIES_CONFIG) private readonly config: StoriesConfig,
    @Inject(DATABASE) private readonly db: Database,
    @Inject(METRICS_REGISTRY) registry: Registry,
  ) {
    this.kafka = new Kafka({ ...kafkaConfigFromEnv(config), logLevel: logLevel.INFO, logCreator: kafkajsLogCreator(new Logger('kafkajs')) });
    this.schema = schemaName(config.DATABASE_SCHEMA);
    registerProjectionMetrics(registry, () => this.status());
  }

  status(): ProjectionStatus {
    return { state: this.state, ...(this.problem === undefined ? {} : { problem: this.problem }), ...this.counts };
  }

  onApplicationBootstrap(): void {
    this.starting = this.startUntilRunning();
  }

  /** Stops fetching, lets the in-flight transaction finish (kafkajs waits for eachBatch), then leaves the group. */
  async onModuleDestroy(): Promise<void> {
    this.stopping.abort();
    await this.starting;
    await this.consumer?.disconnect();
    this.state = 'stopped';
    this.logger.log(this.counts, 'story projection stopped');
  }

  private async startUntilRunning(): Promise<void> {
    for (let delay = 1_000; !this.stopping.signal.aborted; delay = Math.min(delay * 2, MAX_RETRY_DELAY_MS)) {
      try {
        await this.start();
        return;
      } catch (error) {
        this.problem = (error as Error).message;
        this.logger.error({ err: error, retryInMs: delay }, 'story projection could not start; retrying');
        await this.consumer?.disconnect().catch(() => undefined);
        await sleep(delay, undefined, { signal: this.stopping.signal }).catch(() => undefined);
      }
    }
  }

  private async start(): Promise<void> {
    const topic = this.config.STORY_EVENTS_TOPIC;
    // Its retention (kept forever) matters to every reader, so whoever starts first creates it as the contract says.
    const spec = TOPIC_SPECS.find((candidate) => candidate.topic === Topics.storyEvents)!;
    await ensureTopics(this.kafka, [{ ...spec, topic }], this.config.KAFKA_TOPIC_REPLICATION_FACTOR);
    const consumer = this.kafka.consumer({ groupId: this.config.STORIES_GROUP_ID, readUncommitted: false, maxWaitTimeInMs: FETCH_WAIT_MS });
    this.consumer = consumer;
    consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
      void this.seekToStoredOffsets(consumer, payload.memberAssignment[topic] ?? []);
    });
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      this.state = 'starting';
      this.problem = payload.error.message;
      this.logger.error({ err: payload.error, restart: payload.restart }, 'story projection consumer crashed');
      // kafkajs restarts itself after retriable errors; after any other one this instance starts a new consumer.
      if (!payload.restart && !this.stopping.signal.aborted) this.starting = consumer.disconnect().catch(() => undefined).then(() => this.startUntilRunning());
    });
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({ autoCommit: false, eachBatchAutoResolve: false, eachBatch: (payload) => this.onBatch(payload) });
  }

  /**
   * Positions each assigned partition at the offset stored with the rows. It races kafkajs' first fetch, which
   * is harmless: a batch skips whatever is below the stored offset inside its own transaction.
   */
  private async seekToStoredOffsets(consumer: Consumer, partitions: readonly number[]): Promise<void> {
    const topic = this.config.STORY_EVENTS_TOPIC;
    try {
      for (const partition of partitions) {
        // Offset 0 rather than kafkajs' default: a group offset committed in Kafka by anything else is not ours.
        const offset = (await storedOffset(this.db, topic, partition)) ?? 0n;
        consumer.seek({ topic, partition, offset: offset.toString() });
      }
    } catch (error) {
      this.logger.error({ err: error }, 'could not read the stored offsets; reading from the start, each batch skips what the database holds');
    }
    this.state = 'running';
    this.problem = undefined;
  }

  private async onBatch({ batch, resolveOffset, heartbeat, isRunning, isStale }: EachBatchPayload): Promise<void> {
    const target: BatchTarget = { topic: batch.topic, partition: batch.partition, schema: this.schema, channel: storyEventsChannel(this.schema) };
    const size = this.config.PROJECTION_EVENTS_PER_TRANSACTION;
    for (let from = 0; from < batch.messages.length; from += size) {
      if (!isRunning() || isStale()) return;
      const records = batch.messages.slice(from, from + size);
      this.record(await applyBatch(this.db, target, records), target);
      resolveOffset(records[records.length - 1].offset);
      await heartbeat();
    }
  }

  private record(outcome: BatchOutcome, { topic, partition }: BatchTarget): void {
    for (const { offset, reason } of outcome.rejected) {
      this.logger.warn({ topic, partition, offset, reason }, 'skipped a record that is not a story event (kept in rejected_records)');
    }
    this.counts.applied += outcome.applied;
    this.counts.duplicates += outcome.duplicates;
    this.counts.rejected += outcome.rejected.length;
    this.counts.alreadyApplied += outcome.alreadyApplied;
    this.counts.lastSeq = Math.max(this.counts.lastSeq, outcome.lastSeq);
  }
}
