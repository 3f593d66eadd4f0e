import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { type AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { type Admin, type Consumer, Kafka, logLevel } from 'kafkajs';
import { Gauge, type Registry } from 'prom-client';
import { BehaviorSubject } from 'rxjs';
import { FETCH_WAIT_MS, kafkaConfigFromEnv, kafkajsLogCreator, METRICS_REGISTRY } from '@app/platform';
import { type Database, DATABASE, schemaName } from '../database/database';
import { STORIES_CONFIG } from '../config/stories-config.token';
import { type StoriesConfig } from '../config/stories.config';
import { type AppHealth, parseProbes, probeApp } from './app-health-probe';
import { type PartitionLag, readConsumerLag, readTopicEnd } from './consumer-lag';
import { DeadLetterTail } from './dead-letter-tail';
import { gaugeReading, type OpsSnapshot, SAMPLE_SOURCES } from './ops-snapshot';
import { type ReadModelFigures, readModelFigures } from './ops-read-model';
import { RateWindow } from './rate-window';

const HISTORY = 120;
const HEALTH_EVERY = 5;
const PROBE_TIMEOUT_MS = 2000;
const EMPTY_FIGURES: ReadModelFigures = { stories: 0, projectedEvents: 0, relations: { new: 0, duplicate: 0, syndicated: 0, rewrite: 0 }, mostUpdated: [] };

/**
 * A sample retries a read for about a second, not kafkajs' default ten: the next sample tries again anyway, and
 * meanwhile the page shows the source as unavailable instead of freezing, and a shutdown waits less for it.
 */
const SAMPLE_RETRY = { retries: 2, initialRetryTime: 200, maxRetryTime: 1000 };

/**
 * Samples the pipeline for the dashboard: input and output rates, the dedup group's lag, the read model's figures,
 * the dead letters and each app's readiness. Sampling is one timer whose rounds never overlap, so a slow broker
 * or database delays the dashboard instead of piling up queries.
 */
@Injectable()
export class OpsService implements OnApplicationBootstrap, OnModuleDestroy {
  readonly snapshots = new BehaviorSubject<OpsSnapshot | undefined>(undefined);
  private readonly logger = new Logger(OpsService.name);
  private readonly kafka: Kafka;
  private readonly schema: string;
  private readonly input = new RateWindow(HISTORY);
  private readonly output = new RateWindow(HISTORY);
  private readonly lagHistory: { at: number; lag: number }[] = [];
  private readonly deadLetters = new DeadLetterTail(50);
  private admin?: Admin;
  private dlqConsumer?: Consumer;
  private timer?: NodeJS.Timeout;
  private round = 0;
  private health: AppHealth[] = [];
  /** The sources the last sample could not read, as last reported. */
  private unavailableSources = '';
  private stopped = false;
  private sampling?: Promise<void>;
  private tailing?: Promise<void>;
  private readonly stopping = new AbortController();

  constructor(
    @Inject(STORIES_CONFIG) private readonly config: StoriesConfig,
    @Inject(DATABASE) private readonly db: Database,
    @Inject(METRICS_REGISTRY) registry: Registry,
    private readonly http: HttpAdapterHost,
  ) {
    this.kafka = new Kafka({ ...kafkaConfigFromEnv(config), logLevel: logLevel.WARN, logCreator: kafkajsLogCreator(this.logger) });
    this.schema = schemaName(config.DATABASE_SCHEMA);
    const gauges: [string, string, string | undefined, (s: OpsSnapshot) => number][] = [
      ['stories_count', 'Stories in the read model (NaN while it cannot be read)', SAMPLE_SOURCES.readModel, (s) => s.figures.stories],
      // Not dedup's own dedup_consumer_lag_records (per partition, as of its last fetch): one name with two meanings
      // and label sets would be summed across services.
      [
        'dedup_group_lag_records',
        "Input records past the dedup group's committed offsets, all partitions, as this app last read them (NaN while they cannot be read)",
        SAMPLE_SOURCES.dedupLag,
        (s) => s.lag.partitions.reduce((sum, p) => sum + p.lag, 0),
      ],
      ['stories_dead_letters_seen', 'Dead letters on the DLQ topic since this instance started reading it', undefined, (s) => s.deadLetters.count],
    ];
    for (const [name, help, source, pick] of gauges) {
      const snapshots = this.snapshots;
      new Gauge({
        name,
        help,
        registers: [registry],
        collect() {
          this.set(source === undefined ? (snapshots.value ? pick(snapshots.value) : 0) : gaugeReading(snapshots.value, source, pick));
        },
      });
    }
  }

  async onApplicationBootstrap(): Promise<void> {
    this.admin = this.kafka.admin({ retry: SAMPLE_RETRY });
    this.schedule(0);
    this.tailing = this.tailDeadLetters();
  }

  /**
   * The DLQ topic is created by the dedup service, which may start after this app: keep trying rather than create
   * it here with a default configuration, and never hold up the start of the read side.
   */
  private async tailDeadLetters(): Promise<void> {
    while (!this.stopped) {
      const consumer = this.kafka.consumer({
        groupId: `${this.config.STORIES_GROUP_ID}.ops.${process.pid}.${Date.now().toString(36)}`,
        readUncommitted: false,
        allowAutoTopicCreation: false,
        maxWaitTimeInMs: FETCH_WAIT_MS,
      });
      try {
        await consumer.connect();
        await consumer.subscribe({ topic: this.config.ARTICLES_DLQ_TOPIC, fromBeginning: true });
        await consumer.run({
          autoCommit: false,
          eachMessage: async ({ topic, partition, message }) => {
            this.deadLetters.add(message.value?.toString('utf8') ?? null, message.timestamp, { topic, partition, offset: message.offset });
          },
        });
        this.dlqConsumer = consumer;
        return;
      } catch (error) {
        await consumer.disconnect().catch(() => undefined);
        this.logger.warn({ err: error, topic: this.config.ARTICLES_DLQ_TOPIC }, 'dead-letter topic not readable yet; retrying in 5 s');
        await sleep(5000, undefined, { signal: this.stopping.signal }).catch(() => undefined);
      }
    }
  }

  // Before the database closes (it closes in onApplicationShutdown), so no sample queries a closed pool. A sample
  // in flight is let finish first: disconnecting its admin under it left kafkajs retrying after shutdown.
  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    this.stopping.abort();
    clearTimeout(this.timer);
    await this.sampling;
    // The tail may be between attempts (its pause ends on abort) or connecting a consumer it then disconnects.
    await this.tailing;
    await this.dlqConsumer?.disconnect();
    await this.admin?.disconnect().catch(() => undefined);
    this.snapshots.complete();
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.sampling = this.sample()
        .catch((error: unknown) => this.logger.warn({ err: error }, 'dashboard sample failed'))
        .finally(() => {
          this.sampling = undefined;
          this.schedule(this.config.OPS_REFRESH_MS);
        });
    }, delay);
  }

  private async sample(): Promise<void> {
    const problems: string[] = [];
    const attempt = async <T>(what: string, read: () => Promise<T>, fallback: T): Promise<T> => {
      try {
        return await read();
      } catch (error) {
        problems.push(`${what}: ${error instanceof Error ? error.message : String(error)}`);
        return fallback;
      }
    };
    const admin = this.admin!;
    // kafkajs' admin reconnects on its own once connected; connecting here keeps a down broker a sampling problem.
    await attempt(SAMPLE_SOURCES.kafka, () => admin.connect(), undefined);
    const now = Date.now();
    const [inputEnd, partitions, figures] = await Promise.all([
      attempt(SAMPLE_SOURCES.inputOffsets, () => readTopicEnd(admin, this.config.ARTICLES_TOPIC), undefined),
      attempt(SAMPLE_SOURCES.dedupLag, () => readConsumerLag(admin, this.config.DEDUP_GROUP_ID, this.config.ARTICLES_TOPIC), [] as PartitionLag[]),
      attempt(SAMPLE_SOURCES.readModel, () => readModelFigures(this.db, this.schema, 10), EMPTY_FIGURES),
    ]);
    if (this.round++ % HEALTH_EVERY === 0 || this.health.length === 0) {
      // The stories app asks itself too: serving this page does not mean its projection or database is ready.
      const address = this.http.httpAdapter.getHttpServer().address() as AddressInfo | null;
      const self = address ? [{ name: 'stories', url: `http://127.0.0.1:${address.port}` }] : [];
      const probes = [...self, ...parseProbes(this.config.OPS_PROBES)];
      this.health = await Promise.all(probes.map(({ name, url }) => probeApp(name, url, PROBE_TIMEOUT_MS)));
    }
    if (inputEnd !== undefined) this.input.add({ at: now, value: inputEnd });
    this.output.add({ at: now, value: figures.projectedEvents });
    this.lagHistory.push({ at: now, lag: partitions.reduce((sum, p) => sum + p.lag, 0) });
    if (this.lagHistory.length > HISTORY) this.lagHistory.shift();
    this.reportProblems(problems);
    this.snapshots.next({
      at: new Date(now).toISOString(),
      throughput: { in: this.input.series(), out: this.output.series() },
      lag: { total: [...this.lagHistory], partitions },
      figures,
      deadLetters: this.deadLetters.view(),
      health: this.health,
      problems,
    });
  }

  /** Once per change, not once per sample: a source down for an hour is one warning, and one line when it is back. */
  private reportProblems(problems: string[]): void {
    const sources = problems.map((p) => p.slice(0, p.indexOf(':'))).join(', ');
    if (sources === this.unavailableSources) return;
    if (problems.length > 0) this.logger.warn({ problems }, 'dashboard sources unavailable');
    else this.logger.log(`dashboard sources available again (${this.unavailableSources})`);
    this.unavailableSources = sources;
  }
}
