import { type Consumer, type Kafka } from 'kafkajs';
import { Topics } from '@app/contracts';

/**
 * When each article's story event became visible to a read_committed subscriber. The article id is read with a
 * regex instead of parsing the whole event: at thousands of events a second the bench must not be the bottleneck.
 */
export class StoryEventClock {
  readonly seenAt = new Map<string, number>();
  /** The story event record's timestamp: when dedup's producer wrote it, inside the transaction not yet committed. */
  readonly writtenAt = new Map<string, number>();
  duplicates = 0;
  private consumer?: Consumer;
  private waiters: { ids: readonly string[]; resolve: () => void }[] = [];

  constructor(private readonly kafka: Kafka) {}

  async start(): Promise<void> {
    this.consumer = this.kafka.consumer({ groupId: `bench-clock-${Date.now()}`, readUncommitted: false, maxWaitTimeInMs: 20 });
    await this.consumer.connect();
    await this.consumer.subscribe({ topic: Topics.storyEvents, fromBeginning: false });
    let joined!: () => void;
    const ready = new Promise<void>((resolve) => (joined = resolve));
    this.consumer.on(this.consumer.events.GROUP_JOIN, () => joined());
    await this.consumer.run({
      eachBatch: async ({ batch }) => {
        const now = Date.now();
        for (const message of batch.messages) {
          const id = /"articleId":"((?:[^"\\]|\\.)*)"/.exec(message.value?.toString('utf8') ?? '')?.[1];
          if (id === undefined) continue;
          if (this.seenAt.has(id)) this.duplicates++;
          else {
            this.seenAt.set(id, now);
            this.writtenAt.set(id, Number(message.timestamp));
          }
        }
        this.waiters = this.waiters.filter((w) => (w.ids.every((id) => this.seenAt.has(id)) ? (w.resolve(), false) : true));
      },
    });
    await ready;
  }

  /** Resolves when every id has been seen, or after `timeoutMs`; returns how many were still missing. */
  async waitFor(ids: readonly string[], timeoutMs: number): Promise<number> {
    const missing = () => ids.filter((id) => !this.seenAt.has(id)).length;
    if (missing() === 0) return 0;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([new Promise<void>((resolve) => this.waiters.push({ ids, resolve })), new Promise((r) => (timer = setTimeout(r, timeoutMs)))]);
    // A pending timeout would keep the bench alive for up to ten minutes after its report.
    clearTimeout(timer);
    return missing();
  }

  stop(): Promise<void> {
    return this.consumer?.disconnect() ?? Promise.resolve();
  }
}
