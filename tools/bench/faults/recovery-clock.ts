import { type Kafka } from 'kafkajs';
import { type StoryEvent } from '@app/contracts';

const EVENT_KEY = /^(.+)-(\d+)-(\d+)#\d+$/;

/** Input partition and offset of the record a story event came from, read off its id. */
const sourceOf = (eventId: string): { partition: number; offset: bigint } | undefined => {
  const match = EVENT_KEY.exec(eventId);
  return match ? { partition: Number(match[2]), offset: BigInt(match[3]) } : undefined;
};

/** The group's committed input offsets: everything below them has its output committed already. */
export const committedOffsets = async (kafka: Kafka, groupId: string, topic: string): Promise<Map<number, bigint>> => {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const [offsets] = await admin.fetchOffsets({ groupId, topics: [topic] });
    return new Map((offsets?.partitions ?? []).map(({ partition, offset }) => [partition, BigInt(Math.max(0, Number(offset)))]));
  } finally {
    await admin.disconnect();
  }
};

/**
 * When story events became visible to a read_committed reader (stamped by polling the reader's list, so to within
 * `sampleMs`), and the first one that could only come from work done after a fault: its input record lies at or
 * past the offsets the group had committed when the fault hit, so it is not a late sighting of older output.
 */
export class RecoveryClock {
  private readonly arrivals: { at: number; eventId: string }[] = [];
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly events: readonly StoryEvent[],
    private readonly sampleMs = 50,
  ) {}

  start(): void {
    this.timer = setInterval(() => {
      const now = Date.now();
      for (let i = this.arrivals.length; i < this.events.length; i++) this.arrivals.push({ at: now, eventId: this.events[i].eventId });
    }, this.sampleMs);
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** Resolves with the time of the first new story event after `after`, or undefined after `timeoutMs`. */
  async firstNewEvent(boundary: ReadonlyMap<number, bigint>, after: number, timeoutMs: number): Promise<number | undefined> {
    const deadline = Date.now() + timeoutMs;
    let from = 0;
    for (;;) {
      for (; from < this.arrivals.length; from++) {
        const { at, eventId } = this.arrivals[from];
        const source = sourceOf(eventId);
        if (at >= after && source && source.offset >= (boundary.get(source.partition) ?? 0n)) return at;
      }
      if (Date.now() > deadline) return undefined;
      await new Promise((resolve) => setTimeout(resolve, this.sampleMs));
    }
  }
}
