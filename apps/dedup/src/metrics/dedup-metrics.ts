import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import { type StoryEvent } from '@app/contracts';

/** What the dashboards and alerts need from the stream processor; read-outs are taken at scrape time. */
export interface DedupReadouts {
  /** Articles live in the matching index, stories in the window, and the terms the window's vocabulary holds. */
  index(): { articles: number; stories: number; terms: number };
  /** Epoch ms of the newest snapshot written, if any. */
  lastSnapshotAt(): number | undefined;
}

export class DedupMetrics {
  private readonly records: Counter<'outcome'>;
  private readonly decisions: Counter<'relation'>;
  private readonly decisionSeconds: Histogram;
  private readonly transactions: Counter<'outcome'>;
  private readonly lag: Gauge<'topic' | 'partition'>;

  private readouts?: DedupReadouts;

  constructor(
    registry: Registry,
    now: () => number = Date.now,
  ) {
    const read = () => this.readouts;
    this.records = new Counter({ name: 'dedup_records_total', help: 'Input records by outcome (decided into story events, or dead-lettered)', labelNames: ['outcome'], registers: [registry] });
    this.decisions = new Counter({ name: 'dedup_decisions_total', help: 'Article decisions by relation (new = StoryStarted)', labelNames: ['relation'], registers: [registry] });
    this.decisionSeconds = new Histogram({
      name: 'dedup_decision_seconds',
      help: 'Time to decide one input record (parse, analyse, match, fold)',
      buckets: [0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 1],
      registers: [registry],
    });
    this.transactions = new Counter({ name: 'dedup_transactions_total', help: 'Kafka transactions by outcome', labelNames: ['outcome'], registers: [registry] });
    this.lag = new Gauge({ name: 'dedup_consumer_lag_records', help: 'Input records behind the end of each partition, as of the last fetched batch', labelNames: ['topic', 'partition'], registers: [registry] });
    new Gauge({ name: 'dedup_index_articles', help: 'Articles live in the matching index (the time window)', registers: [registry], collect() { this.set(read()?.index().articles ?? 0); } });
    new Gauge({ name: 'dedup_stories', help: 'Stories live in the time window', registers: [registry], collect() { this.set(read()?.index().stories ?? 0); } });
    new Gauge({ name: 'dedup_vocabulary_terms', help: 'Distinct terms the engine knows (used in the time window, or held by a live story)', registers: [registry], collect() { this.set(read()?.index().terms ?? 0); } });
    // Counted from the start until the first snapshot: a writer that never writes must trip an age alert, which a
    // NaN never does.
    const startedAt = now();
    new Gauge({
      name: 'dedup_snapshot_age_seconds',
      help: 'Seconds since this process last wrote a snapshot, or since it started if it has written none',
      registers: [registry],
      collect() {
        this.set((now() - (read()?.lastSnapshotAt() ?? startedAt)) / 1000);
      },
    });
  }

  /** The engine the gauges read; it is built after its metrics, which it reports to. */
  observe(readouts: DedupReadouts): void {
    this.readouts = readouts;
  }

  /** One input record decided (or refused), committed or not yet. */
  decisionTime(seconds: number): void {
    this.decisionSeconds.observe(seconds);
  }

  /** A transaction committed with these story events and this many dead letters: what the outside world now sees. */
  committed(events: readonly StoryEvent[], deadLetters: number): void {
    this.transactions.inc({ outcome: 'committed' });
    if (deadLetters > 0) this.records.inc({ outcome: 'dead_lettered' }, deadLetters);
    for (const event of events) {
      if (event.type === 'StoriesMerged') continue;
      this.records.inc({ outcome: 'decided' });
      this.decisions.inc({ relation: event.type === 'StoryStarted' ? 'new' : event.relation });
    }
  }

  aborted(): void {
    this.transactions.inc({ outcome: 'aborted' });
  }

  /** Only the owner fetches, so only its figures are current: an instance that stops owning drops its lag series
   * rather than report stale ones beside the new owner's. */
  ownsPartitions(owner: boolean): void {
    if (!owner) this.lag.reset();
  }

  /** kafkajs reports a batch's high watermark: what is left after its last record is the partition's lag. */
  fetched(topic: string, partition: number, highWatermark: string, lastOffset: string): void {
    this.lag.set({ topic, partition: String(partition) }, Math.max(0, Number(highWatermark) - Number(lastOffset) - 1));
  }
}
