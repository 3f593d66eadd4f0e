import { EventEmitter } from 'node:events';
import { BaseRpcContext, type CustomTransportStrategy, type MessageHandler, Server } from '@nestjs/microservices';
import { type Consumer, type EachBatchPayload, type Kafka, type KafkaMessage, Partitioners, type Producer, type RecordMetadata } from 'kafkajs';
import { lastValueFrom } from 'rxjs';
import { FETCH_WAIT_MS } from '@app/platform';
import { arrivalOrder } from './arrival-order';
import { boundedSends } from './bounded-sends';
import { isClusterOutage } from './cluster-outage';
import { gatherPerTick } from './gather-per-tick';
import { isFencedError } from './fenced';
import { InputPosition } from './input-position';
import { type OwnerClaim } from './owner-claim';
import { singleOwnerAssigner } from './single-owner.assigner';
import { type InputRecord, type OutgoingRecord, partitionKey, type StatefulProcessor } from './stateful-processor';
import { retryRetriable } from './retriable';

export interface ExactlyOnceOptions {
  readonly groupId: string;
  /** The same for every instance: the instance that takes the partitions fences the producer of the one before. */
  readonly transactionalId: string;
  /** Input topic → the @EventPattern its records go to. */
  readonly inputs: Readonly<Record<string, string>>;
  /** Records per transaction: larger amortises the commit, smaller bounds the work an abort throws away. */
  readonly recordsPerTransaction: number;
  readonly sessionTimeoutMs: number;
  /** Bytes per send inside a transaction; below the smallest max.message.bytes of the output topics. */
  readonly maxSendBytes: number;
  /** After each committed chunk: how far the partition's end is past it (the consumer lag). */
  readonly onProgress?: (topic: string, partition: number, highWatermark: string, lastOffset: string) => void;
}

/**
 * The coordinator writes a commit's markers after it has answered, so a transaction that begins right after the
 * previous commit is often told CONCURRENT_TRANSACTIONS for a few milliseconds, and each retry waits kafkajs'
 * backoff, which doubles from `initialRetryTime`. `npm run bench:transactions` (back-to-back transactions of ten
 * 2 KB records and their offsets, local broker), p50 per transaction by first backoff: 300 ms (kafkajs' default)
 * 294 ms, 20 ms 29 ms, 10 ms 17 ms, 5 ms 11 ms, 2 ms 8 ms, 1 ms 6 ms (with a worse p99). Small transactions back to
 * back pay this wait every time; in the pipeline bench it measured neutral end to end. More retries keep the
 * patience for a broker that is away at ~16 s.
 */
const TRANSACTIONAL_RETRY = { initialRetryTime: 2, retries: 13, maxRetryTime: 30_000 };

export type TransportStatus = 'starting' | 'standby' | 'owner' | 'fenced' | 'failed' | 'closed';

interface TransportEvents {
  /** Another instance took the transactional id; this one has stopped writing for good. */
  fenced: (error: Error) => void;
  /** The consumer gave up (kafkajs will not restart it) or the state could not be restored. */
  failed: (error: Error) => void;
  [event: string]: (error: Error) => void;
}

type Logger = Pick<Console, 'log' | 'warn' | 'error'>;

/**
 * A Nest transport that runs @EventPattern handlers exactly once over Kafka. It owns the consumer, the
 * transactional producer and the loop: per chunk of a fetch (all its partitions together, in the order the
 * records were produced, up to `recordsPerTransaction` records), every record goes to its handler, whose returned
 * records are written with the consumed offsets in one transaction. The handlers' state follows each outcome
 * through the StatefulProcessor: kept on commit, rolled back on abort, caught up on takeover.
 *
 * One instance owns all the input partitions (single-writer state); the others stand by in the group. Ownership
 * moves by rebalance, and the new owner's InitProducerId fences the old owner's producer, so a zombie can
 * never commit: the classic one-transactional-id scheme from before KIP-447, right for a single writer.
 */
export class ExactlyOnceTransport extends Server<TransportEvents, TransportStatus> implements CustomTransportStrategy {
  private consumer?: Consumer;
  private producer?: Producer;
  private readonly emitter = new EventEmitter();
  private claim: OwnerClaim = { ownerSince: 0, startedAt: Date.now() };
  private assigned: Record<string, number[]> = {};
  private readonly position = new InputPosition();
  private owner = false;
  /** Input topic → its handler, looked up once: Nest resolves the pattern again on every lookup. */
  private readonly handlers = new Map<string, MessageHandler>();
  /** A transaction failed: the state must drop its uncommitted decisions before this instance decides again. */
  private rollBackPending = false;
  /** No batch is processed any more: closing, or fenced. */
  private halted = false;
  private closed = false;
  /** The consumer's connect, subscribe and first join, once start-up has got that far. */
  private consumerStarting?: Promise<void>;
  /** Batches, takeovers and hand-backs run one at a time, in arrival order. */
  private serial: Promise<unknown> = Promise.resolve();
  private state: TransportStatus = 'starting';

  constructor(
    private readonly kafka: Kafka,
    private readonly options: ExactlyOnceOptions,
    private readonly processor: StatefulProcessor,
    private readonly log: Logger,
  ) {
    super();
    this._status$.next(this.state);
  }

  get currentStatus(): TransportStatus {
    return this.state;
  }

  /** Input partitions this instance decides for: all of them on the owner, none on a standby. */
  get ownedPartitions(): number {
    return this.owner ? Object.values(this.assigned).reduce((sum, list) => sum + list.length, 0) : 0;
  }

  on<E extends keyof TransportEvents>(event: E, callback: TransportEvents[E]): void {
    this.emitter.on(event as string, callback);
  }

  unwrap<T>(): T {
    return { consumer: this.consumer, producer: this.producer } as T;
  }

  /**
   * Returns at once: restoring the state can take minutes, and meanwhile the app must already answer its health
   * probes. Readiness follows the status.
   */
  listen(callback: () => void): void {
    for (const [topic, pattern] of Object.entries(this.options.inputs)) {
      const handler = this.getHandlerByPattern(pattern);
      if (handler) this.handlers.set(topic, handler);
    }
    const missing = Object.entries(this.options.inputs).filter(([topic]) => !this.handlers.has(topic)).map(([, pattern]) => pattern);
    if (missing.length > 0) throw new Error(`no @EventPattern handler for ${missing.join(', ')}`);
    callback();
    this.start().catch((error: Error) => this.fail(error));
  }

  /** Lets the transaction in flight finish (commit or abort), then leaves the group: nothing is committed twice. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.halted = true;
    // Disconnected in the middle of joining, kafkajs' consumer crashes and schedules its own restart, which would
    // join the group again from a process on its way out, one that never leaves: the group would then wait a
    // whole session timeout for it before a standby could take over.
    await this.consumerStarting?.catch(() => undefined);
    await this.consumer?.disconnect();
    await this.serially(async () => {
      await this.producer?.disconnect();
      await this.processor.close();
    });
    this.setStatus('closed');
  }

  private setStatus(status: TransportStatus): void {
    this.state = status;
    this._status$.next(status);
  }

  private async start(): Promise<void> {
    await retryRetriable(() => this.processor.standBy());
    if (this.halted) return;
    this.setStatus('standby');
    this.consumerStarting = this.startConsumer();
    await this.consumerStarting;
  }

  private async startConsumer(): Promise<void> {
    const consumer = this.kafka.consumer({
      groupId: this.options.groupId,
      readUncommitted: false,
      maxWaitTimeInMs: FETCH_WAIT_MS,
      sessionTimeout: this.options.sessionTimeoutMs,
      heartbeatInterval: Math.floor(this.options.sessionTimeoutMs / 10),
      // A member must rejoin within this once a rebalance starts; a live owner does so after its current chunk.
      rebalanceTimeout: 2 * this.options.sessionTimeoutMs,
      partitionAssigners: [singleOwnerAssigner(() => this.claim)],
      // Whatever crashes the consumer while it is being closed, it must not come back.
      retry: { restartOnFailure: async () => !this.halted },
    });
    this.consumer = consumer;
    consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => this.onAssignment(payload.memberAssignment));
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      if (payload.restart || this.halted) return;
      if (isClusterOutage(payload.error)) void this.serially(() => this.rejoinAfterOutage(payload.error)).catch((error: Error) => this.fail(error));
      else this.fail(payload.error);
    });
    await consumer.connect();
    await consumer.subscribe({ topics: Object.keys(this.options.inputs), fromBeginning: true });
    const gather = gatherPerTick((payloads: EachBatchPayload[]) => this.serially(() => this.onFetch(payloads)));
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      // Every partition's batch of a fetch reaches eachBatch at once, to be gathered into one transaction.
      partitionsConsumedConcurrently: MAX_GATHERED_PARTITIONS,
      eachBatch: gather,
    });
  }

  private serially<T>(work: () => Promise<T>): Promise<T> {
    const next = this.serial.then(work);
    this.serial = next.catch(() => undefined);
    return next;
  }

  private onAssignment(assignment: Record<string, number[]>): void {
    this.assigned = assignment;
    const partitions = Object.values(assignment).reduce((sum, list) => sum + list.length, 0);
    if (partitions === 0) {
      this.claim = { ...this.claim, ownerSince: 0 };
      if (this.owner) void this.serially(() => this.handBack()).catch((error: Error) => this.fail(error));
      return;
    }
    if (this.claim.ownerSince === 0) this.claim = { ...this.claim, ownerSince: Date.now() };
    if (this.owner) return;
    // Nothing is fetched for processing until the takeover has fenced the old owner and caught up; paused, the
    // consumer still heartbeats, so a long catch-up does not cost the partitions.
    this.consumer!.pause(Object.keys(assignment).map((topic) => ({ topic })));
    this.scheduleTakeOver(0);
  }

  private scheduleTakeOver(delayMs: number): void {
    setTimeout(() => {
      void this.serially(() => this.takeOver()).catch((error: Error) => {
        this.log.error(`takeover failed, retrying: ${error.message}`);
        this.scheduleTakeOver(Math.min(Math.max(2 * delayMs, 500), 10_000));
      });
    }, delayMs).unref();
  }

  /**
   * After a failed transaction (the broker away, say): the producer may be stuck mid-transaction and the state holds
   * decisions that never committed. Rather than crash the consumer, which kafkajs does not restart after a
   * non-retriable error, stop fetching and run the takeover again, retried until the broker answers: a fresh
   * producer epoch aborts whatever the old one left open, the state rolls back to what committed, and the consumer
   * seeks to the committed offsets.
   */
  private async startOver(): Promise<void> {
    this.owner = false;
    this.rollBackPending = true;
    this.consumer!.pause(Object.keys(this.assigned).map((topic) => ({ topic })));
    await this.producer?.disconnect().catch(() => undefined);
    this.producer = undefined;
    this.setStatus('standby');
    this.scheduleTakeOver(500);
  }

  /**
   * kafkajs gives up on a consumer that cannot find its group coordinator, as during a broker restart, and reports it
   * as non-retriable, so it does not restart the consumer itself. The cluster is only away: whatever was decided and
   * not committed is dropped as after a failed transaction, and a new consumer joins again once the brokers answer.
   */
  private async rejoinAfterOutage(error: Error): Promise<void> {
    this.log.warn(`consumer stopped while the cluster was unreachable (${error.message}); joining again when it answers`);
    if (this.owner) {
      this.owner = false;
      this.rollBackPending = true;
    }
    this.assigned = {};
    await this.producer?.disconnect().catch(() => undefined);
    this.producer = undefined;
    this.setStatus('standby');
    this.scheduleConsumerStart(500);
  }

  private scheduleConsumerStart(delayMs: number): void {
    setTimeout(() => {
      if (this.halted) return;
      this.consumerStarting = this.startConsumer().catch(async (error: Error) => {
        this.log.warn(`consumer could not join yet, retrying: ${error.message}`);
        await this.consumer?.disconnect().catch(() => undefined);
        this.scheduleConsumerStart(Math.min(2 * delayMs, 10_000));
      });
    }, delayMs).unref();
  }

  /** Lost the partitions in a rebalance without being fenced: release the producer and follow the log again. */
  private async handBack(): Promise<void> {
    if (!this.owner || this.halted) return;
    this.owner = false;
    await this.producer?.disconnect();
    this.producer = undefined;
    this.log.log('partitions handed to another instance; standing by');
    await this.processor.standBy();
    this.setStatus('standby');
  }

  /** Every batch of one fetch, all partitions, in arrival order and as few transactions as `recordsPerTransaction` allows. */
  private async onFetch(payloads: EachBatchPayload[]): Promise<void> {
    // Not the owner (yet): the batches came in before the pause; the takeover seeks and fetches again.
    if (this.halted || !this.owner) return;
    const records = arrivalOrder(
      payloads.map((payload) => payload.batch.messages.map((message) => ({ payload, message }))),
      ({ message }) => Number(message.timestamp),
    );
    const { recordsPerTransaction } = this.options;
    for (let from = 0; from < records.length; from += recordsPerTransaction) {
      if (!(await this.commitChunk(records.slice(from, from + recordsPerTransaction)))) return;
    }
  }

  /** False when this instance must stop consuming (halted, fenced, or the consumer stopped). */
  private async commitChunk(chunk: FetchedRecord[]): Promise<boolean> {
    if (this.halted || !this.owner) return false;
    // A partition revoked or sought since its fetch must not be processed from this stale batch.
    const live: FetchedRecord[] = [];
    const behind: FetchedRecord[] = [];
    for (const record of chunk) {
      const { payload, message } = record;
      if (!payload.isRunning() || payload.isStale()) continue;
      (this.position.isAhead(payload.batch.topic, payload.batch.partition, message.offset) ? live : behind).push(record);
    }
    if (behind.length > 0) {
      this.log.warn(`skipped ${behind.length} input records this instance or the one before had committed already (${describeRecords(behind)})`);
      // Committed already, so done: kafkajs' own position moves past them, or it would fetch them again and again.
      for (const [payload, last] of lastOffsets(behind)) payload.resolveOffset(last);
    }
    if (live.length === 0) return chunk.every(({ payload }) => payload.isRunning());
    if (!(await this.transact(live))) return false;
    for (const [payload, last] of lastOffsets(live)) {
      this.position.committed(payload.batch.topic, payload.batch.partition, last);
      payload.resolveOffset(last);
      this.options.onProgress?.(payload.batch.topic, payload.batch.partition, payload.batch.highWatermark, last);
    }
    await live[0].payload.heartbeat();
    return true;
  }

  private async takeOver(): Promise<void> {
    const partitions = Object.values(this.assigned).reduce((sum, list) => sum + list.length, 0);
    if (this.owner || this.halted || partitions === 0) return;
    const startedAt = Date.now();
    if (this.rollBackPending) {
      await this.processor.rolledBack();
      this.rollBackPending = false;
    }
    const producer = this.kafka.producer({
      transactionalId: this.options.transactionalId,
      idempotent: true,
      maxInFlightRequests: 1,
      createPartitioner: Partitioners.DefaultPartitioner,
      retry: TRANSACTIONAL_RETRY,
    });
    try {
      await producer.connect();
      // The fencing: InitProducerId with the transactional id bumps its epoch, so the previous owner can commit
      // nothing more, and the coordinator finishes that owner's open transaction before answering. kafkajs'
      // connect() only fetches a plain idempotent producer id; the transactional one is initialised when the first
      // transaction begins. So begin one now (and abort it, empty: no request) rather than at the first input,
      // after the catch-up, when the old owner could still have committed what the catch-up missed.
      await (await producer.transaction()).abort();
      this.producer = producer;
      await this.processor.takeOver();
      // Offsets the previous owner committed are final now; the consumer's were read before it was fenced.
      await this.seekToCommitted();
      this.owner = true;
      this.consumer!.resume(Object.keys(this.assigned).map((topic) => ({ topic })));
      this.setStatus('owner');
      this.log.log(`took ownership of the input partitions in ${Date.now() - startedAt} ms`);
    } catch (error) {
      this.producer = undefined;
      await producer.disconnect().catch(() => undefined);
      throw error;
    }
  }

  private async seekToCommitted(): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    this.position.clear();
    try {
      for (const [topic, partitions] of Object.entries(this.assigned)) {
        const committed = (await admin.fetchOffsets({ groupId: this.options.groupId, topics: [topic] }))[0]?.partitions ?? [];
        const earliest = await admin.fetchTopicOffsets(topic);
        for (const partition of partitions) {
          const offset = committed.find((p) => p.partition === partition)?.offset ?? '-1';
          const start = offset === '-1' ? earliest.find((p) => p.partition === partition)!.low : offset;
          this.consumer!.seek({ topic, partition, offset: start });
          this.position.seekTo(topic, partition, start);
        }
      }
    } finally {
      await admin.disconnect();
    }
  }

  /** One chunk, one transaction, whatever partitions its records come from. False when fenced. */
  private async transact(records: FetchedRecord[]): Promise<boolean> {
    let transaction: Awaited<ReturnType<Producer['transaction']>> | undefined;
    try {
      const outgoing: OutgoingRecord[] = [];
      for (const { payload, message } of records) {
        const { topic, partition } = payload.batch;
        const input = { topic, partition, offset: message.offset, key: message.key ?? null, value: message.value, timestamp: Number(message.timestamp) };
        outgoing.push(...(await this.handle(this.handlers.get(topic)!, input)));
      }
      transaction = await this.producer!.transaction();
      const offsets = new Map<string, bigint>();
      for (const send of boundedSends(outgoing, this.options.maxSendBytes)) {
        const written = await transaction.sendBatch({ topicMessages: byTopic(send) });
        noteLastOffsets(offsets, send, written);
      }
      await transaction.sendOffsets({ consumerGroupId: this.options.groupId, topics: nextOffsets(records) });
      await transaction.commit();
      this.processor.committed(offsets);
      return true;
    } catch (error) {
      if (isFencedError(error)) {
        this.fenced(error as Error);
        return false;
      }
      // A handler's exception reaches here through Nest's RPC exception filter, as a plain object.
      this.log.error(`transaction failed, rolling back and taking over again: ${error instanceof Error ? error.message : JSON.stringify(error)}`);
      await transaction?.abort().catch(() => undefined);
      await this.startOver();
      return false;
    }
  }

  private async handle(handler: MessageHandler, record: InputRecord): Promise<readonly OutgoingRecord[]> {
    const result = await handler(record, new BaseRpcContext([record]));
    return lastValueFrom(this.transformToObservable<readonly OutgoingRecord[]>(result), { defaultValue: [] });
  }

  /** Never retried: another instance owns the state now, and anything written from here would be a duplicate. */
  private fenced(error: Error): void {
    this.owner = false;
    this.halted = true;
    this.setStatus('fenced');
    this.log.error(`fenced: another instance took the transactional id ${this.options.transactionalId}; stopping (${error.message})`);
    this.emitter.emit('fenced', error);
  }

  private fail(error: Error): void {
    // Closing disconnects what start-up or a takeover may still be using; their errors then are not failures.
    if (this.closed) return;
    this.setStatus('failed');
    this.log.error(`stream failed: ${error.message}`);
    this.emitter.emit('failed', error);
  }
}

/** One fetched record, with the batch it came in (its partition, and how kafkajs is told it is done). */
interface FetchedRecord {
  readonly payload: EachBatchPayload;
  readonly message: KafkaMessage;
}

/** Partitions beyond this in one fetch go into a following transaction: correct, only less batched. */
const MAX_GATHERED_PARTITIONS = 64;

/** Each batch's last record among these (arrival order keeps a partition's records in offset order). */
const lastOffsets = (records: readonly FetchedRecord[]): Map<EachBatchPayload, string> =>
  new Map(records.map(({ payload, message }) => [payload, message.offset]));

/** Where records are, for a log line: `topic[partition]@first..last` per partition. */
const describeRecords = (records: readonly FetchedRecord[]): string => {
  const ranges = new Map<string, string[]>();
  for (const { payload, message } of records) {
    const key = `${payload.batch.topic}[${payload.batch.partition}]`;
    ranges.set(key, [ranges.get(key)?.[0] ?? message.offset, message.offset]);
  }
  return [...ranges].map(([key, [first, last]]) => `${key}@${first}..${last}`).join(', ');
};

/** The offsets to commit with a transaction: one past each partition's last record in it. */
const nextOffsets = (records: readonly FetchedRecord[]) => {
  const topics = new Map<string, { partition: number; offset: string }[]>();
  for (const [{ batch }, last] of lastOffsets(records)) {
    if (!topics.has(batch.topic)) topics.set(batch.topic, []);
    topics.get(batch.topic)!.push({ partition: batch.partition, offset: (BigInt(last) + 1n).toString() });
  }
  return [...topics].map(([topic, partitions]) => ({ topic, partitions }));
};

const byTopic = (records: readonly OutgoingRecord[]) => {
  const topics = new Map<string, { key: string | Buffer | null; value: string | Buffer | null; partition?: number }[]>();
  for (const { topic, ...message } of records) {
    if (!topics.has(topic)) topics.set(topic, []);
    topics.get(topic)!.push(message);
  }
  return [...topics].map(([topic, messages]) => ({ topic, messages }));
};

/** The broker's base offset per partition plus how many of this send went there (explicit partitions only). */
const noteLastOffsets = (offsets: Map<string, bigint>, send: readonly OutgoingRecord[], written: RecordMetadata[]): void => {
  const counts = new Map<string, number>();
  for (const { topic, partition } of send) {
    if (partition !== undefined) counts.set(partitionKey(topic, partition), (counts.get(partitionKey(topic, partition)) ?? 0) + 1);
  }
  for (const { topicName, partition, baseOffset } of written) {
    const count = counts.get(partitionKey(topicName, partition));
    if (count !== undefined && baseOffset !== undefined) offsets.set(partitionKey(topicName, partition), BigInt(baseOffset) + BigInt(count - 1));
  }
};
