import { Registry } from 'prom-client';
import { registerProjectionMetrics } from './projection-metrics';
import { type ProjectionStatus } from './story-projection';

describe('registerProjectionMetrics', () => {
  it('exports the counts the projection holds at each scrape, never going down', async () => {
    const registry = new Registry();
    let status: ProjectionStatus = { state: 'running', applied: 3, duplicates: 1, rejected: 0, alreadyApplied: 2, lastSeq: 3 };
    registerProjectionMetrics(registry, () => status);
    const scrape = async () => registry.metrics();

    const first = await scrape();
    expect(first).toContain('stories_projection_records_total{outcome="applied"} 3');
    expect(first).toContain('stories_projection_records_total{outcome="duplicate"} 1');
    expect(first).toContain('stories_projection_records_total{outcome="rejected"} 0');
    expect(first).toContain('stories_projection_records_total{outcome="already_applied"} 2');
    expect(first).toContain('stories_projection_last_seq 3');

    status = { ...status, applied: 10, rejected: 1, lastSeq: 10 };
    const second = await scrape();
    expect(second).toContain('stories_projection_records_total{outcome="applied"} 10');
    expect(second).toContain('stories_projection_records_total{outcome="rejected"} 1');
    expect(second).toContain('stories_projection_records_total{outcome="already_applied"} 2');
    expect(second).toContain('stories_projection_last_seq 10');
  });
});
