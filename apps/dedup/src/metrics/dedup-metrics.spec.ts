import { Registry } from 'prom-client';
import { DedupMetrics } from './dedup-metrics';

const started = { type: 'StoryStarted', storyId: 's', eventId: 'e', at: '2026-01-01T00:00:00Z', articleId: 'a' } as never;
const rewrite = { type: 'StoryUpdated', storyId: 's', eventId: 'f', at: '2026-01-01T00:00:00Z', articleId: 'b', relation: 'rewrite' } as never;

describe('DedupMetrics', () => {
  it('counts decisions by relation, dead letters, transactions and lag, and reads the index and snapshot age at scrape', async () => {
    const registry = new Registry();
    let snapshotAt: number | undefined;
    let clock = 1_000_000;
    const metrics = new DedupMetrics(registry, () => clock);
    metrics.observe({ index: () => ({ articles: 42, stories: 7, terms: 9001 }), lastSnapshotAt: () => snapshotAt });
    for (const seconds of [0.002, 0.004, 0.0001]) metrics.decisionTime(seconds);
    metrics.committed([started, rewrite], 1);
    metrics.aborted();
    metrics.fetched('news.articles.v1', 3, '120', '99');
    let text = await registry.metrics();
    expect(text).toContain('dedup_decisions_total{relation="new"} 1');
    expect(text).toContain('dedup_decisions_total{relation="rewrite"} 1');
    expect(text).toContain('dedup_records_total{outcome="decided"} 2');
    expect(text).toContain('dedup_records_total{outcome="dead_lettered"} 1');
    expect(text).toContain('dedup_decision_seconds_count 3');
    expect(text).toContain('dedup_transactions_total{outcome="aborted"} 1');
    expect(text).toContain('dedup_transactions_total{outcome="committed"} 1');
    expect(text).toContain('dedup_consumer_lag_records{topic="news.articles.v1",partition="3"} 20');
    expect(text).toContain('dedup_index_articles 42');
    expect(text).toContain('dedup_stories 7');
    expect(text).toContain('dedup_vocabulary_terms 9001');
    // No snapshot yet: the age counts from the start, so an alert on it fires if none is ever written.
    expect(text).toMatch(/^dedup_snapshot_age_seconds 0$/m);
    clock += 90_000;
    expect(await registry.metrics()).toMatch(/^dedup_snapshot_age_seconds 90$/m);
    snapshotAt = clock - 5000;
    text = await registry.metrics();
    expect(text).toMatch(/^dedup_snapshot_age_seconds 5$/m);
  });

  it('keeps the lag series while the instance owns the partitions and drops them when it stops', async () => {
    const registry = new Registry();
    const metrics = new DedupMetrics(registry);
    metrics.ownsPartitions(true);
    metrics.fetched('news.articles.v1', 0, '50', '9');
    metrics.ownsPartitions(true);
    expect(await registry.metrics()).toContain('dedup_consumer_lag_records{topic="news.articles.v1",partition="0"} 40');
    metrics.ownsPartitions(false);
    expect(await registry.metrics()).not.toContain('dedup_consumer_lag_records{');
  });
});
