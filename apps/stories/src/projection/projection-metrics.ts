import { Counter, Gauge, type Registry } from 'prom-client';
import { type ProjectionStatus } from './story-projection';

const OUTCOMES = [
  ['applied', 'applied'],
  ['duplicate', 'duplicates'],
  ['rejected', 'rejected'],
  ['already_applied', 'alreadyApplied'],
] as const;

/**
 * The projection's counts as Prometheus series, read from its status at scrape time: story-log records by what
 * became of them (a rejected one is kept in `rejected_records` with its reason), and the last sequence applied.
 */
export const registerProjectionMetrics = (registry: Registry, status: () => ProjectionStatus): void => {
  const exported = new Map<string, number>();
  new Counter({
    name: 'stories_projection_records_total',
    help: 'Story-log records the projection handled since this instance started, by outcome',
    labelNames: ['outcome'],
    registers: [registry],
    collect() {
      const now = status();
      for (const [outcome, field] of OUTCOMES) {
        // A counter only goes up: each scrape adds what the projection counted since the previous one.
        this.inc({ outcome }, now[field] - (exported.get(outcome) ?? 0));
        exported.set(outcome, now[field]);
      }
    },
  });
  new Gauge({
    name: 'stories_projection_last_seq',
    help: 'Sequence number of the last story event applied to the read model',
    registers: [registry],
    collect() {
      this.set(status().lastSeq);
    },
  });
};
