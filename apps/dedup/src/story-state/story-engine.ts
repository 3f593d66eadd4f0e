import { type Kafka } from 'kafkajs';
import { type DeadLetter, describeRejections, type StoryEvent } from '@app/contracts';
import { ensureTopics } from '@app/platform';
import { emptyState, type EngineConfig, evolve, type StoryState } from '@app/stories';
import { type DedupTopics, dedupTopicSpecs } from '../config/dedup-topics';
import { type CommittedOffsets, type InputRecord, type OutgoingRecord, partitionKey, type StatefulProcessor } from '../exactly-once/stateful-processor';
import { deadLetterKey } from '../story-stream/dead-letter';
import { engineFailureLetter, eventKeyOf, processRecord } from '../story-stream/process-record';
import { storySummaries } from '../story-stream/story-summary';
import { ForeignSnapshotError, type LoggedEvent, StoryLogReader } from './story-log-reader';
import { type StoryLogPosition, type StorySnapshots } from './story-snapshots';

/** Where a restore took the state from: a snapshot file (or none: the whole log), and how much of the log after it. */
export interface RestoreReport {
  readonly snapshot: string | null;
  readonly replayedEvents: number;
  readonly ms: number;
}

export interface StoryEngineOptions {
  readonly topics: DedupTopics;
  readonly engine: EngineConfig;
  readonly maxBodyBytes: number;
  /** Prefix of the throwaway consumer groups that read the story log. */
  readonly groupId: string;
  /** What topics it creates are replicated with; the brokers' default when undefined. */
  readonly replicationFactor?: number;
}

/** What the engine reports as it decides and commits; the app's Prometheus series implement it. */
export interface EngineMetrics {
  decisionTime(seconds: number): void;
  committed(events: readonly StoryEvent[], deadLetters: number): void;
  aborted(): void;
}

type Log = (message: string, context?: Record<string, unknown>) => void;
export interface EngineLog {
  info: Log;
  warn: Log;
  error: Log;
}

/** What the open transaction decided: its story events with the JSON they are written as, and how many records
 * it dead-lettered. */
interface TransactionDecisions {
  events: { event: StoryEvent; json: string }[];
  deadLetters: number;
}

const noDecisions = (): TransactionDecisions => ({ events: [], deadLetters: 0 });

/** The story log is one partition (see TOPIC_SPECS): one total order to replay. */
const STORY_LOG_PARTITION = 0;

/**
 * The engine state and its lifecycle under the exactly-once transport. The state is always the fold of the
 * committed story log up to `position`, plus the decisions of the one open transaction (`pending`): a commit
 * moves the position over them, an abort restores the state from the newest snapshot and the log after it.
 */
export class StoryEngine implements StatefulProcessor {
  private state: StoryState;
  private position?: StoryLogPosition;
  private pending = noDecisions();
  /** Records whose events made `evolve` throw: dead-lettered when they come round again instead of looping. */
  private readonly poison = new Map<string, string>();
  private restored = false;
  private lastRestoreReport: RestoreReport | undefined;
  private folds = 0;
  private readonly reader: StoryLogReader;

  constructor(
    private readonly kafka: Kafka,
    private readonly options: StoryEngineOptions,
    private readonly snapshots: StorySnapshots,
    private readonly log: EngineLog,
    private readonly metrics: EngineMetrics,
  ) {
    this.state = emptyState(options.engine);
    this.reader = new StoryLogReader(kafka, options.topics.storyEvents, options.groupId, {
      fold: (logged) => this.fold(logged),
      batchFolded: () => this.snapshots.publish(),
      unreadable: (offset, reason) => this.log.error('skipped a story-log record that is not a story event', { offset: offset.toString(), reason }),
    });
  }

  get stories(): number {
    return this.state.stories.size;
  }

  /** How the state was last rebuilt, once it has been. */
  get lastRestore(): RestoreReport | undefined {
    return this.lastRestoreReport;
  }

  get config(): EngineConfig {
    return this.options.engine;
  }

  get indexedArticles(): number {
    return this.state.index.liveArticles;
  }

  get vocabularyTerms(): number {
    return this.state.frequencies.terms;
  }

  /** One input record: the records to write for it, and its events folded into the state. */
  decide(record: InputRecord): OutgoingRecord[] {
    const startedAt = performance.now();
    try {
      return this.decideRecord(record);
    } finally {
      this.metrics.decisionTime((performance.now() - startedAt) / 1000);
    }
  }

  private decideRecord(record: InputRecord): OutgoingRecord[] {
    const { topics } = this.options;
    const key = eventKeyOf(record);
    const failure = this.poison.get(key);
    if (failure !== undefined) {
      // Once is enough: should this transaction abort, the record is decided afresh and fails again the same way.
      this.poison.delete(key);
      return this.deadLettered(record, engineFailureLetter(record, failure));
    }
    let outcome: ReturnType<typeof processRecord>;
    try {
      outcome = processRecord(this.state, record, this.options.maxBodyBytes, Date.now());
    } catch (error) {
      this.poison.set(key, (error as Error).message);
      throw error;
    }
    if (outcome.kind === 'dead-letter') return this.deadLettered(record, outcome.deadLetter);
    if (outcome.aheadOfClock !== undefined) {
      const sentAt = new Date(outcome.aheadOfClock).toISOString();
      this.log.warn('an article dated ahead of the clock was decided as of the clock', { record: key, articleTime: sentAt, decidedAt: outcome.events[0].at });
    }
    this.pending.events.push(...outcome.events.map((event, i) => ({ event, json: outcome.serialized[i] })));
    return [
      ...outcome.events.map((event, i) => ({ topic: topics.storyEvents, partition: STORY_LOG_PARTITION, key: event.storyId, value: outcome.serialized[i] })),
      ...storySummaries(this.state, outcome.events).map(({ key, value }) => ({ topic: topics.stories, key, value })),
    ];
  }

  async standBy(): Promise<void> {
    if (!this.restored) {
      await ensureTopics(this.kafka, dedupTopicSpecs(this.options.topics), this.options.replicationFactor);
      await this.restore();
    } else if (!this.reader.running) await this.reader.start(this.nextOffset());
  }

  async takeOver(): Promise<void> {
    if (!this.reader.running) await this.reader.start(this.nextOffset());
    const end = await this.logEnd();
    await this.reader.caughtUp(end);
    await this.reader.stop();
    this.log.info('caught up with the story log', { nextOffset: this.nextOffset().toString(), stories: this.state.stories.size });
  }

  /** A refused record's letter, counted with the open transaction's decisions. */
  private deadLettered(record: InputRecord, letter: DeadLetter): OutgoingRecord[] {
    this.pending.deadLetters++;
    // The letter's reasons are bounded (see deadLetterFor); its payload stays in the dead-letter topic.
    this.log.warn('input record dead-lettered', { source: letter.source, reasons: describeRejections(letter.reasons) });
    return [{ topic: this.options.topics.articlesDlq, key: deadLetterKey(record.key), value: JSON.stringify(letter) }];
  }

  committed(offsets: CommittedOffsets): void {
    const last = offsets.get(partitionKey(this.options.topics.storyEvents, STORY_LOG_PARTITION));
    const { events: pending, deadLetters } = this.pending;
    this.pending = noDecisions();
    this.metrics.committed(
      pending.map(({ event }) => event),
      deadLetters,
    );
    if (last === undefined || pending.length === 0) return;
    // This instance is the log's only writer, so a transaction's events sit at consecutive offsets.
    const first = last - BigInt(pending.length - 1);
    pending.forEach(({ json }, i) => this.snapshots.committed(first + BigInt(i), json));
    this.snapshots.publish();
    this.position = { nextOffset: last + 1n, lastEvent: { offset: last, eventId: pending[pending.length - 1].event.eventId } };
  }

  async rolledBack(): Promise<void> {
    this.pending = noDecisions();
    this.metrics.aborted();
    await this.reader.stop();
    await this.restore();
    await this.reader.stop();
  }

  /** The snapshot writer only ever saw committed events, so even a fenced instance leaves a sound last snapshot. */
  async close(): Promise<void> {
    await this.reader.close();
    await this.snapshots.close();
  }

  /** The newest usable snapshot plus the log after it; the whole log when there is no snapshot to trust. */
  private async restore(): Promise<void> {
    this.restored = false;
    // A restore that failed part way (and is being retried) may have left its reader running.
    await this.reader.stop();
    const startedAt = Date.now();
    const end = await this.logEnd();
    const snapshot = await this.snapshots.latest(end, () => this.logEnd());
    const loadedAt = Date.now();
    this.state = snapshot?.state ?? emptyState(this.options.engine);
    this.position = snapshot && { nextOffset: snapshot.nextOffset, lastEvent: snapshot.lastEvent };
    // The snapshot writer starts where the restore that first completes starts; after a rollback it already holds
    // what committed. A restore that failed before starting it (and is retried) chooses again.
    const first = !this.snapshots.writerStarted;
    if (first) this.snapshots.follow(snapshot);
    let replayed = this.countFolds();
    let used = snapshot;
    try {
      await this.reader.start(snapshot?.lastEvent.offset ?? 0n, snapshot?.lastEvent);
      await this.reader.caughtUp(end);
    } catch (error) {
      if (!(error instanceof ForeignSnapshotError)) throw error;
      this.log.warn('snapshot does not match the story log; replaying the whole log', { snapshot: snapshot?.path, reason: error.message });
      this.state = emptyState(this.options.engine);
      this.position = undefined;
      used = undefined;
      if (first) this.snapshots.follow(undefined);
      replayed = this.countFolds();
      await this.reader.start(0n);
      await this.reader.caughtUp(end);
    }
    this.restored = true;
    if (first) this.snapshots.release();
    this.lastRestoreReport = { snapshot: used?.path ?? null, replayedEvents: replayed(), ms: Date.now() - startedAt };
    this.log.info('story state restored', {
      ...this.lastRestoreReport,
      snapshotMs: loadedAt - startedAt,
      nextOffset: this.nextOffset().toString(),
      stories: this.state.stories.size,
    });
  }

  private countFolds(): () => number {
    const from = this.folds;
    return () => this.folds - from;
  }

  private fold({ event, offset, json }: LoggedEvent): void {
    evolve(this.state, event);
    this.folds++;
    this.position = { nextOffset: offset + 1n, lastEvent: { offset, eventId: event.eventId } };
    this.snapshots.committed(offset, json);
  }

  private nextOffset(): bigint {
    return this.position?.nextOffset ?? 0n;
  }

  /** The log's high watermark: after the previous owner is fenced or our transaction finished, every record below
   * it is decided (committed or aborted), so reading up to it in read_committed sees every committed event. */
  private async logEnd(): Promise<bigint> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const partitions = await admin.fetchTopicOffsets(this.options.topics.storyEvents);
      if (partitions.length !== 1) throw new Error(`${this.options.topics.storyEvents} has ${partitions.length} partitions; the story log must have exactly one`);
      return BigInt(partitions[0].high);
    } finally {
      await admin.disconnect();
    }
  }
}
