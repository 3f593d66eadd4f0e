import { firstProblem, type HostileLine, type Refusal } from './hostile-http';

export interface FeedLine {
  readonly id?: string;
  readonly line: string;
  /** Set for a line the gateway must reject. */
  readonly hostile?: HostileLine;
}

interface BulkAnswer {
  accepted?: number;
  lines?: { line: number; status: string; errors?: { field: string; problem: string }[] }[];
  error?: string;
}

/**
 * An at-least-once client of the gateway's bulk endpoint, paced at `rate` lines a second: each post carries the
 * lines due by then (at most `maxLines`). A post the gateway cannot store (503 while Kafka is away, or no answer)
 * is sent again, same lines, after a pause; lines it stored before failing are then stored twice, which is the
 * client's doing, not the pipeline's.
 */
export class ArticleFeeder {
  sent = 0;
  retries = 0;
  readonly failures = new Map<string, number>();
  readonly acceptedIds = new Set<string>();
  readonly lineRefusals: Refusal[] = [];
  /** When a post succeeded, so the bench can see when ingest resumed after a fault. */
  readonly successes: number[] = [];

  constructor(
    private readonly baseUrl: string,
    private readonly apiKey: string,
    private readonly lines: readonly FeedLine[],
    private readonly rate: number,
    private readonly maxLines = 500,
  ) {}

  async run(): Promise<void> {
    const began = Date.now();
    while (this.sent < this.lines.length) {
      const due = Math.min(this.lines.length, Math.floor(((Date.now() - began) / 1000) * this.rate)) - this.sent;
      if (due <= 0) {
        await pause(50);
        continue;
      }
      const batch = this.lines.slice(this.sent, this.sent + Math.min(due, this.maxLines));
      while (!(await this.post(batch))) {
        this.retries++;
        await pause(1000);
      }
      this.sent += batch.length;
    }
  }

  private async post(batch: readonly FeedLine[]): Promise<boolean> {
    let status: number;
    let answer: BulkAnswer;
    try {
      const response = await fetch(`${this.baseUrl}/v1/articles:bulk`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-ndjson', 'x-api-key': this.apiKey },
        body: `${batch.map((b) => b.line).join('\n')}\n`,
      });
      status = response.status;
      answer = (await response.json()) as BulkAnswer;
    } catch (error) {
      this.count(`no answer: ${(error as Error).message}`);
      return false;
    }
    // A 400 with a per-line report is an answer too: every line of that post was hostile. A post refused whole is
    // counted for the summary, and sent again only when the refusal is the server's (5xx): a 4xx would come back
    // the same forever.
    if (answer.lines === undefined) {
      this.count(`${status} ${answer.error ?? ''}`.trim());
      return status < 500;
    }
    this.successes.push(Date.now());
    const outcomes = new Map((answer.lines ?? []).map((l) => [l.line, l]));
    batch.forEach((item, i) => {
      const outcome = outcomes.get(i + 1);
      if (item.hostile) {
        const rejected = outcome?.status === 'rejected';
        const reason = `per-line ${rejected ? 'rejected' : (outcome?.status ?? 'unlisted')}${firstProblem(outcome?.errors)}`;
        this.lineRefusals.push(rejected ? { kind: item.hostile.kind, status, reason } : { kind: item.hostile.kind, status, reason, wrong: 'accepted' });
      } else if (item.id !== undefined && outcome?.status === 'accepted') this.acceptedIds.add(item.id);
    });
    return true;
  }

  private count(failure: string): void {
    this.failures.set(failure, (this.failures.get(failure) ?? 0) + 1);
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
