import { extname, join } from 'node:path';
import { getHeapStatistics } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { type EngineConfig, type StoryState } from '@app/stories';
import { type SnapshotPolicy } from '../snapshots/snapshot-schedule';
import { type SnapshotStore } from '../snapshots/snapshot-store';
import { type CommittedEvent, type FromSnapshotWorker, type SnapshotWorkerData, type ToSnapshotWorker } from './snapshot-worker';
import { decodeState } from './story-snapshot-codec';

export interface StoryLogPosition {
  /** The offset of the next story event to replay. */
  readonly nextOffset: bigint;
  readonly lastEvent: { readonly offset: bigint; readonly eventId: string };
}

export interface RestoredSnapshot extends StoryLogPosition {
  readonly state: StoryState;
  readonly path: string;
  readonly file: Buffer;
}

export interface SnapshotSettings {
  readonly dir: string;
  readonly topic: string;
  readonly engine: EngineConfig;
  readonly policy: SnapshotPolicy;
}

type Log = (message: string, context: Record<string, unknown>) => void;

/**
 * Under @swc-node/register (npm scripts, tests) the worker is TypeScript too and needs the same loader. Heap flags
 * cannot be passed to a worker; it gets the main thread's heap limit as a resource limit instead, since it holds
 * a state as large.
 */
const workerOptions = (workerData: SnapshotWorkerData) => ({
  workerData,
  execArgv: extname(__filename) === '.ts' ? ['-r', '@swc-node/register'] : [],
  resourceLimits: { maxOldGenerationSizeMb: Math.ceil(getHeapStatistics().heap_size_limit / 1024 / 1024) },
});

/**
 * Snapshots of the engine state, every N events or T ms: loading the newest usable one at a restore, and writing
 * new ones from a worker thread that keeps its own copy of the state, fed with every committed event (see
 * snapshot-worker.ts). The stream thread's whole share of a snapshot is posting those events.
 */
export class StorySnapshots {
  /** Epoch ms of the newest snapshot this process wrote; for the snapshot-age metric. */
  lastWrittenAt?: number;
  private worker?: Worker;
  private following = false;
  /** The snapshot the writer is to start from, until `release`. */
  private startFrom?: RestoredSnapshot;
  private outbox: CommittedEvent[] = [];
  /** Events at lower offsets are already with the worker (a rollback replays them). */
  private postedUpTo = -1n;
  private flushed?: () => void;

  constructor(
    private readonly store: SnapshotStore,
    private readonly settings: SnapshotSettings,
    private readonly log: { info: Log; warn: Log },
  ) {}

  /**
   * The newest usable snapshot, or undefined for a replay from the start; every file passed over is logged.
   * `logEndNow` reads the log's end again before a snapshot past it is set aside: an instance sharing the directory
   * may have written it meanwhile, of events committed after `logEnd` was read.
   */
  async latest(logEnd: bigint, logEndNow: () => Promise<bigint> = async () => logEnd): Promise<RestoredSnapshot | undefined> {
    let restored: RestoredSnapshot | undefined;
    const pastTheLog: { path: string; nextOffset: bigint }[] = [];
    await this.store.loadLatest(this.settings.topic, ({ path, file, header, state }) => {
      if (BigInt(header.nextOffset) > logEnd) {
        pastTheLog.push({ path, nextOffset: BigInt(header.nextOffset) });
        return `it covers the log up to offset ${header.nextOffset}, past the log's end ${logEnd} (was the topic recreated?); set aside as .stale unless the log has grown past it meanwhile`;
      }
      const decoded = decodeState(state, this.settings.engine);
      if (!decoded.ok) return decoded.reason;
      const lastEvent = { offset: BigInt(header.lastEvent.offset), eventId: header.lastEvent.eventId };
      restored = { path, file, state: decoded.state, nextOffset: BigInt(header.nextOffset), lastEvent };
      return undefined;
    });
    const end = pastTheLog.length === 0 ? logEnd : await logEndNow();
    for (const { path, nextOffset } of pastTheLog) {
      if (nextOffset <= end) continue;
      await this.store.setAside(path).catch((error: Error) => this.log.warn('could not rename a stale snapshot', { path, error: error.message }));
    }
    return restored;
  }

  /**
   * The writer's copy of the state starts from the snapshot the stream restores from, or from nothing. With a
   * snapshot it is told only at `release`, once the stream is ready: loading the same snapshot on the other core
   * during the restore would slow the restore down. The tail replayed meanwhile waits in the outbox.
   */
  follow(from: RestoredSnapshot | undefined): void {
    this.following = true;
    this.outbox = [];
    this.postedUpTo = from ? from.lastEvent.offset : -1n;
    this.startFrom = from;
    if (from === undefined) this.start(null);
  }

  /** The writer has its starting state: from `follow` without a snapshot, or from `release`; false again once it
   * stopped for good, so that the next restore starts a new one. */
  get writerStarted(): boolean {
    return this.following && this.startFrom === undefined;
  }

  release(): void {
    const from = this.startFrom;
    if (from === undefined) return;
    this.startFrom = undefined;
    // The file is not needed here any more: hand its memory over instead of copying hundreds of megabytes.
    const file = new Uint8Array(from.file.buffer, from.file.byteOffset, from.file.byteLength);
    const whole = file.byteOffset === 0 && file.byteLength === file.buffer.byteLength;
    this.start(file, whole ? [file.buffer as ArrayBuffer] : []);
    this.publish();
  }

  /** A committed event, folded into the stream's state; it goes to the writer with the next `publish`. */
  committed(offset: bigint, json: string): void {
    if (!this.following || offset <= this.postedUpTo) return;
    this.outbox.push({ offset, json });
    this.postedUpTo = offset;
  }

  publish(): void {
    if (this.outbox.length === 0 || !this.worker || this.startFrom !== undefined) return;
    this.post({ kind: 'events', events: this.outbox });
    this.outbox = [];
  }

  /** On shutdown: a last snapshot of everything committed, so the next start replays nothing. */
  async close(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    this.publish();
    // Unreferenced while it runs, so it never holds the process up; but a shutdown waits for this last snapshot.
    worker.ref();
    await new Promise<void>((resolve) => {
      this.flushed = resolve;
      worker.once('exit', () => resolve());
      this.post({ kind: 'flush' });
    });
    this.worker = undefined;
    await worker.terminate();
  }

  private start(file: Uint8Array | null, transfer: ArrayBuffer[] = []): void {
    this.worker ??= this.spawn();
    this.post({ kind: 'start', file }, transfer);
  }

  private post(message: ToSnapshotWorker, transfer: ArrayBuffer[] = []): void {
    this.worker?.postMessage(message, transfer);
  }

  private spawn(): Worker {
    const worker = new Worker(join(__dirname, `snapshot-worker${extname(__filename)}`), workerOptions(this.settings));
    worker.on('message', (message: FromSnapshotWorker) => {
      if (message.kind === 'written') {
        this.lastWrittenAt = Date.now();
        this.log.info('snapshot written', { ...message, kind: undefined });
      }
      else if (message.kind === 'not-written') this.log.warn('snapshot not written', { error: message.error });
      else if (message.kind === 'failed') this.log.warn('snapshot writer stopped; restarts will replay more of the log', { error: message.error });
      else this.flushed?.();
    });
    worker.on('error', (error) => this.log.warn('snapshot writer crashed; restarts will replay more of the log', { error: error.message }));
    worker.on('exit', (code) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      // Nothing would ever take the events queued for it: stop queueing until a restore starts a new writer.
      this.following = false;
      this.outbox = [];
      this.log.warn('snapshot writer exited; no snapshots until the state is next restored (a takeover or a restart)', { code });
    });
    // Snapshots must never keep the process alive on their own.
    worker.unref();
    return worker;
  }
}
