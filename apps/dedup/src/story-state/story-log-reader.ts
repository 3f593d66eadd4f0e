import { randomUUID } from 'node:crypto';
import { type Consumer, type Kafka } from 'kafkajs';
import { type StoryEvent, storyEventSchema } from '@app/contracts';

export interface LoggedEvent {
  readonly event: StoryEvent;
  readonly offset: bigint;
  /** The record's value, as the log holds it. */
  readonly json: string;
}

export interface StoryLogSink {
  fold(logged: LoggedEvent): void;
  /** After a whole fetched batch is folded: a consistent point to snapshot at. */
  batchFolded(): void;
  /** A record that is not a story event; it is skipped (the log is written by this service only). */
  unreadable(offset: bigint, reason: string): void;
}

/** The restore started from a snapshot whose last event the log does not hold at that offset. */
export class ForeignSnapshotError extends Error {}
export class ReaderStoppedError extends Error {}

interface Waiter {
  readonly target: bigint;
  resolve(): void;
  reject(error: Error): void;
}

/**
 * Folds the committed story log (read_committed) from an offset on, and follows it until stopped: a restore
 * waits for it to reach the end, a standby leaves it running so a takeover has only a short tail left.
 * Each run uses a fresh consumer group that never commits: the position lives in the state, not in Kafka.
 */
export class StoryLogReader {
  private consumer?: Consumer;
  /** The consumer's connect, subscribe and first join. */
  private starting?: Promise<void>;
  private closed = false;
  private position = 0n;
  private expected?: { offset: bigint; eventId: string };
  private failure?: Error;
  private waiters: Waiter[] = [];

  constructor(
    private readonly kafka: Kafka,
    private readonly topic: string,
    private readonly groupPrefix: string,
    private readonly sink: StoryLogSink,
  ) {}

  get running(): boolean {
    return this.consumer !== undefined;
  }

  /**
   * Reads from `from`. With `verify`, the first record must be that event at that offset (the last one a snapshot
   * holds); it is checked, not folded again.
   */
  async start(from: bigint, verify?: { offset: bigint; eventId: string }): Promise<void> {
    await this.stop();
    if (this.closed) throw new ReaderStoppedError('the story log reader is closed');
    this.position = from;
    this.expected = verify;
    this.failure = undefined;
    const consumer = this.kafka.consumer({
      groupId: `${this.groupPrefix}.story-log-reader.${randomUUID()}`,
      readUncommitted: false,
      maxWaitTimeInMs: 250,
      // Replay throughput: the log's records are a few KB each, and a takeover waits on this.
      maxBytesPerPartition: 16 * 1024 * 1024,
      maxBytes: 32 * 1024 * 1024,
      // A consumer crashed by its own stop (see stop) must not come back.
      retry: { restartOnFailure: async () => this.consumer === consumer },
    });
    this.consumer = consumer;
    // A batch holding only transaction markers or aborted records never reaches eachBatch, but still moves the
    // position: without this a read that ends on a commit marker would wait forever for the offset after it.
    consumer.on(consumer.events.END_BATCH_PROCESS, ({ payload }) => this.batchEnded(BigInt(payload.lastOffset)));
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      if (!payload.restart) this.fail(payload.error);
    });
    // Seek on every join, to where the fold is: the group never commits, so a consumer that kafkajs restarts after
    // a crash (a coordinator not ready on a young broker, say) would otherwise start again from the beginning and
    // fold events twice. Seeking right after run() is no good either: run() returns early when the first join fails.
    consumer.on(consumer.events.GROUP_JOIN, () => consumer.seek({ topic: this.topic, partition: 0, offset: this.position.toString() }));
    this.starting = this.run(consumer);
    await this.starting;
  }

  private async run(consumer: Consumer): Promise<void> {
    await consumer.connect();
    await consumer.subscribe({ topic: this.topic, fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatch: async ({ batch, heartbeat }) => {
        if (this.failure) return;
        for (const message of batch.messages) {
          const offset = BigInt(message.offset);
          if (this.expected) {
            if (!this.isExpected(offset, message.value)) return;
            continue;
          }
          this.read(offset, message.value);
          if (offset % 1000n === 0n) await heartbeat();
        }
        this.sink.batchFolded();
      },
    });
  }

  /** Resolves once everything before `target` is folded. */
  caughtUp(target: bigint): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.position >= target) return Promise.resolve();
    return new Promise((resolve, reject) => this.waiters.push({ target, resolve, reject }));
  }

  /** Stops it for good: a restore still under way when the service shuts down cannot start it again. */
  async close(): Promise<void> {
    this.closed = true;
    await this.stop();
  }

  async stop(): Promise<void> {
    const consumer = this.consumer;
    this.consumer = undefined;
    for (const waiter of this.waiters.splice(0)) waiter.reject(new ReaderStoppedError('the story log reader was stopped'));
    // Disconnected in the middle of joining, kafkajs' consumer crashes and schedules its own restart: a reader
    // left running after its stop, holding its connections open.
    await this.starting?.catch(() => undefined);
    await consumer?.disconnect();
  }

  private isExpected(offset: bigint, value: Buffer | null): boolean {
    const expected = this.expected!;
    const eventId = this.parse(value?.toString('utf8') ?? 'null')?.eventId;
    if (offset !== expected.offset || eventId !== expected.eventId) {
      this.fail(new ForeignSnapshotError(`the log holds ${eventId ?? 'no event'} at offset ${offset}, the snapshot expected ${expected.eventId} at ${expected.offset}`));
      return false;
    }
    this.expected = undefined;
    this.advance(offset + 1n);
    return true;
  }

  private read(offset: bigint, value: Buffer | null): void {
    const json = value?.toString('utf8') ?? 'null';
    const event = this.parse(json, offset);
    if (event) this.sink.fold({ event, offset, json });
    this.advance(offset + 1n);
  }

  private parse(text: string, offset?: bigint): StoryEvent | undefined {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      if (offset !== undefined) this.sink.unreadable(offset, `not JSON: ${(error as Error).message}`);
      return undefined;
    }
    const parsed = storyEventSchema.safeParse(json);
    if (!parsed.success && offset !== undefined) this.sink.unreadable(offset, parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    return parsed.success ? parsed.data : undefined;
  }

  private batchEnded(lastOffset: bigint): void {
    if (this.expected && lastOffset >= this.expected.offset) {
      this.fail(new ForeignSnapshotError(`the log has no committed event at offset ${this.expected.offset}, the snapshot expected ${this.expected.eventId} there`));
    }
    this.advance(lastOffset + 1n);
  }

  private advance(next: bigint): void {
    if (this.failure || this.expected || next <= this.position) return;
    this.position = next;
    this.waiters = this.waiters.filter((waiter) => {
      if (this.position < waiter.target) return true;
      waiter.resolve();
      return false;
    });
  }

  private fail(error: Error): void {
    this.failure = error;
    for (const waiter of this.waiters.splice(0)) waiter.reject(error);
  }
}
