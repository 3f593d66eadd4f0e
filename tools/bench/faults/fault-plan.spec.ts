import { faultPlan } from './fault-plan';

describe('faultPlan', () => {
  it('places the kills and one broker restart in stream order within 10-85 % of the feed, the same for the same seed', () => {
    const plan = faultPlan(42, 10_000, 3, true);
    expect(plan.map((f) => f.kind).sort()).toEqual(['kill-dedup', 'kill-dedup', 'kill-dedup', 'restart-broker']);
    const points = plan.map((f) => f.afterArticles);
    expect(points).toEqual([...points].sort((a, b) => a - b));
    for (const fault of plan) {
      expect(fault.afterArticles).toBeGreaterThanOrEqual(1_000);
      expect(fault.afterArticles).toBeLessThan(8_500);
      expect(fault.delayMs).toBeLessThan(1000);
    }
    expect(faultPlan(42, 10_000, 3, true)).toEqual(plan);
    expect(faultPlan(43, 10_000, 3, true)).not.toEqual(plan);
  });

  it('leaves the broker alone when it cannot be restarted', () => {
    expect(faultPlan(1, 5_000, 2, false).map((f) => f.kind)).toEqual(['kill-dedup', 'kill-dedup']);
  });
});
