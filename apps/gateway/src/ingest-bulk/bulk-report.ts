import { type Rejection } from '@app/contracts';

export interface LineOutcome {
  readonly line: number;
  readonly id?: string;
  readonly status: 'accepted' | 'rejected';
  readonly errors?: readonly Rejection[];
  /** An accepted line's fields the contract does not know: dropped, and named so a misspelling shows. */
  readonly ignoredFields?: readonly string[];
}

export interface BulkReport {
  readonly accepted: number;
  readonly rejected: number;
  /** `all`: every non-blank line is in `lines`. `rejected`: the file was too long to list, only rejections are. */
  readonly listed: 'all' | 'rejected';
  /** Rejected lines beyond the listing cap: counted in `rejected`, not listed. */
  readonly unlistedRejections: number;
  readonly lines: readonly LineOutcome[];
}

/**
 * Collects per-line outcomes in line order with bounded memory: a file of up to `maxListed` lines is reported line
 * by line; past that the accepted lines are dropped from the listing (their count stays exact) and at most
 * `maxListed` rejections are kept, because those are what the client has to act on.
 */
export class BulkReportBuilder {
  private accepted = 0;
  private rejected = 0;
  private listed: 'all' | 'rejected' = 'all';
  private lines: LineOutcome[] = [];

  constructor(private readonly maxListed: number) {}

  get total(): number {
    return this.accepted + this.rejected;
  }

  accept(line: number, id: string, ignoredFields?: readonly string[]): void {
    this.accepted += 1;
    this.record(ignoredFields === undefined ? { line, id, status: 'accepted' } : { line, id, status: 'accepted', ignoredFields });
  }

  reject(line: number, errors: readonly Rejection[]): void {
    this.rejected += 1;
    this.record({ line, status: 'rejected', errors });
  }

  build(): BulkReport {
    const listedRejections = this.lines.filter((l) => l.status === 'rejected').length;
    return {
      accepted: this.accepted,
      rejected: this.rejected,
      listed: this.listed,
      unlistedRejections: this.rejected - listedRejections,
      lines: this.lines,
    };
  }

  private record(outcome: LineOutcome): void {
    if (this.listed === 'all' && this.total > this.maxListed) {
      this.listed = 'rejected';
      this.lines = this.lines.filter((l) => l.status === 'rejected');
    }
    if (this.listed === 'all' || (outcome.status === 'rejected' && this.lines.length < this.maxListed)) this.lines.push(outcome);
  }
}
