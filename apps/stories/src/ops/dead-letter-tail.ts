import { deadLetterSchema, type DeadLetter } from '@app/contracts';

export interface DeadLetterEntry {
  /** When the dead letter was written (the broker's timestamp). */
  readonly at: string;
  readonly reasons: DeadLetter['reasons'];
  readonly source: DeadLetter['source'];
  /** The start of the refused payload, enough to recognise it; the whole of it stays on the topic. */
  readonly preview: string;
}

const PREVIEW_CHARS = 160;

/** The latest dead letters and how many there were, for the dashboard; the topic itself keeps them all. */
export class DeadLetterTail {
  private readonly recent: DeadLetterEntry[] = [];
  private total = 0;

  constructor(private readonly keep: number) {}

  /** Counts every record; one that is not a dead letter is still shown, with a reason saying so. */
  add(value: string | null, timestamp: string, source: DeadLetter['source']): void {
    this.total++;
    const entry = this.entryOf(value, timestamp, source);
    this.recent.unshift(entry);
    if (this.recent.length > this.keep) this.recent.pop();
  }

  view(): { count: number; recent: readonly DeadLetterEntry[] } {
    return { count: this.total, recent: [...this.recent] };
  }

  private entryOf(value: string | null, timestamp: string, source: DeadLetter['source']): DeadLetterEntry {
    const at = new Date(Number(timestamp)).toISOString();
    let parsed: ReturnType<typeof deadLetterSchema.safeParse> | undefined;
    try {
      parsed = value === null ? undefined : deadLetterSchema.safeParse(JSON.parse(value));
    } catch {
      parsed = undefined;
    }
    if (!parsed?.success) {
      return { at, reasons: [{ field: '$', problem: 'not a dead-letter record' }], source, preview: (value ?? '').slice(0, PREVIEW_CHARS) };
    }
    const letter = parsed.data;
    const payload = letter.payload === null ? '(no value)' : letter.payloadEncoding === 'base64' ? `(binary, base64) ${letter.payload}` : letter.payload;
    return { at, reasons: letter.reasons, source: letter.source, preview: payload.slice(0, PREVIEW_CHARS) };
  }
}
