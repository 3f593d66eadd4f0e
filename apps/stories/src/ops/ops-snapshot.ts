import { type AppHealth } from './app-health-probe';
import { type PartitionLag } from './consumer-lag';
import { type DeadLetterEntry } from './dead-letter-tail';
import { type ReadModelFigures } from './ops-read-model';
import { type RatePoint } from './rate-window';

/** Everything the dashboard shows, pushed whole once per refresh: a reconnecting page needs no history. */
export interface OpsSnapshot {
  readonly at: string;
  readonly throughput: {
    /** Articles written to the input topic per second. */
    readonly in: readonly RatePoint[];
    /** Story events projected per second. */
    readonly out: readonly RatePoint[];
  };
  /** The dedup group's lag on the input topic over time, and per partition now. */
  readonly lag: { readonly total: readonly { at: number; lag: number }[]; readonly partitions: readonly PartitionLag[] };
  readonly figures: ReadModelFigures;
  readonly deadLetters: { readonly count: number; readonly recent: readonly DeadLetterEntry[] };
  readonly health: readonly AppHealth[];
  /** Sources that could not be read this round, so a blank chart says why. */
  readonly problems: readonly string[];
}

/** Where each figure comes from: what `problems` entries start with when that source could not be read. */
export const SAMPLE_SOURCES = { readModel: 'read model', dedupLag: 'dedup consumer lag', inputOffsets: 'input topic offsets', kafka: 'kafka' } as const;

/**
 * A figure as a Prometheus gauge reads it: NaN until the first sample and while its source cannot be read, so that
 * an outage shows as a gap, not as zero stories or a dedup that caught up.
 */
export const gaugeReading = (snapshot: OpsSnapshot | undefined, source: string, pick: (s: OpsSnapshot) => number): number =>
  snapshot === undefined || snapshot.problems.some((problem) => problem.startsWith(`${source}:`)) ? Number.NaN : pick(snapshot);
