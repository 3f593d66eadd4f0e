import { setPriority } from 'node:os';
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import { type StoryEvent } from '@app/contracts';
import { emptyState, type EngineConfig, evolve, type StoryState } from '@app/stories';
import { decodeSnapshot } from '../snapshots/snapshot-file';
import { snapshotDue, type SnapshotPolicy } from '../snapshots/snapshot-schedule';
import { SnapshotStore } from '../snapshots/snapshot-store';
import { decodeState, encodeState } from './story-snapshot-codec';

export interface SnapshotWorkerData {
  readonly dir: string;
  readonly topic: string;
  readonly engine: EngineConfig;
  readonly policy: SnapshotPolicy;
}

/** A committed story event: its offset in the story log and its JSON as the log holds it. */
export interface CommittedEvent {
  readonly offset: bigint;
  readonly json: string;
}

export type ToSnapshotWorker =
  /** Start from this snapshot file (the one the main thread restored from), or from an empty state. */
  | { kind: 'start'; file: Uint8Array | null }
  | { kind: 'events'; events: CommittedEvent[] }
  /** Write what is folded since the last snapshot, then answer `flushed`. */
  | { kind: 'flush' };

export type FromSnapshotWorker =
  | { kind: 'written'; path: string; bytes: number; stories: number; nextOffset: string; captureMs: number; totalMs: number }
  | { kind: 'not-written'; error: string }
  | { kind: 'failed'; error: string }
  | { kind: 'flushed' };

/** The newest is used; the one before is the fallback if the newest turns out unreadable. */
const KEEP = 2;

/**
 * The snapshot writer, on its own thread with its own copy of the engine state. It folds the same committed events
 * the service folds (never a decision that has not committed), so capturing and writing a snapshot of hundreds of
 * megabytes never stalls the stream: the stream thread only posts each committed event's JSON here.
 */
class ShadowState {
  private state: StoryState;
  private position?: { nextOffset: bigint; lastEvent: { offset: bigint; eventId: string } };
  private eventsSince = 0;
  private lastTakenAt = Date.now();
  private writing?: Promise<void>;
  private readonly store: SnapshotStore;

  constructor(
    private readonly settings: SnapshotWorkerData,
    private readonly post: (message: FromSnapshotWorker) => void,
  ) {
    this.state = emptyState(settings.engine);
    this.store = new SnapshotStore(settings.dir);
  }

  async start(file: Uint8Array | null): Promise<void> {
    this.state = emptyState(this.settings.engine);
    this.position = undefined;
    this.eventsSince = 0;
    if (file === null) return;
    const decoded = await decodeSnapshot(Buffer.from(file.buffer, file.byteOffset, file.byteLength));
    if (!decoded.ok) throw new Error(`the snapshot the service restored from does not decode here: ${decoded.reason}`);
    const restored = decodeState(decoded.state, this.settings.engine);
    if (!restored.ok) throw new Error(`the snapshot the service restored from does not restore here: ${restored.reason}`);
    this.state = restored.state;
    const { nextOffset, lastEvent } = decoded.header;
    this.position = { nextOffset: BigInt(nextOffset), lastEvent: { offset: BigInt(lastEvent.offset), eventId: lastEvent.eventId } };
  }

  apply(events: readonly CommittedEvent[]): void {
    for (const { offset, json } of events) {
      // A rollback replays events this state already holds.
      if (this.position && offset < this.position.nextOffset) continue;
      const event = JSON.parse(json) as StoryEvent;
      evolve(this.state, event);
      this.position = { nextOffset: offset + 1n, lastEvent: { offset, eventId: event.eventId } };
      this.eventsSince++;
    }
    if (!this.writing && snapshotDue(this.settings.policy, this.eventsSince, Date.now() - this.lastTakenAt)) this.take();
  }

  async flush(): Promise<void> {
    await this.writing;
    if (this.eventsSince > 0) this.take();
    await this.writing;
  }

  private take(): void {
    const position = this.position;
    if (position === undefined) return;
    const startedAt = performance.now();
    const payload = encodeState(this.state);
    const captureMs = Math.round(performance.now() - startedAt);
    const stories = this.state.stories.size;
    this.eventsSince = 0;
    this.lastTakenAt = Date.now();
    const header = {
      storyLogTopic: this.settings.topic,
      nextOffset: position.nextOffset.toString(),
      lastEvent: { offset: position.lastEvent.offset.toString(), eventId: position.lastEvent.eventId },
    };
    this.writing = this.store
      .write(header, payload)
      .then(async ({ path, bytes }) => {
        await this.store.prune(this.settings.topic, KEEP);
        this.post({ kind: 'written', path, bytes, stories, nextOffset: header.nextOffset, captureMs, totalMs: Math.round(performance.now() - startedAt) });
      })
      // A snapshot is a cache: failing to write one costs a longer replay at the next start, nothing else.
      .catch((error: Error) => this.post({ kind: 'not-written', error: error.message }))
      .finally(() => {
        this.writing = undefined;
      });
  }
}

/**
 * The writer's CPU comes after the stream's: on Linux a thread's nice value is its own, so this lowers this thread
 * alone, and on a small host the decisions, the broker and the gateway no longer wait while a snapshot of hundreds of
 * megabytes is encoded. Only lowered so far: it still takes a quarter of a contended core, which folding the events
 * of a saturated stream needs.
 */
const WRITER_NICE = 5;

if (parentPort) {
  try {
    setPriority(0, WRITER_NICE);
  } catch {
    // Not permitted here (or not a thread-level setting on this platform): the writer runs at the stream's priority.
  }
  const port = parentPort;
  const shadow = new ShadowState(workerData as SnapshotWorkerData, (message) => port.postMessage(message));
  let queue = Promise.resolve();
  port.on('message', (message: ToSnapshotWorker) => {
    queue = queue
      .then(async () => {
        if (message.kind === 'start') await shadow.start(message.file);
        else if (message.kind === 'events') shadow.apply(message.events);
        else {
          await shadow.flush();
          port.postMessage({ kind: 'flushed' } satisfies FromSnapshotWorker);
        }
      })
      .catch((error: Error) => {
        port.postMessage({ kind: 'failed', error: error.message } satisfies FromSnapshotWorker);
        process.exit(1);
      });
  });
}
