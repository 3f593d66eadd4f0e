/** What dedup's `dedup_decision_seconds` histogram has summed so far: records decided, and seconds spent on them. */
export interface DecisionTotals {
  count: number;
  seconds: number;
}

const sample = (metrics: string, series: string): number => {
  const line = metrics.split('\n').find((l) => l.startsWith(`${series}{`) || l.startsWith(`${series} `));
  const value = line === undefined ? Number.NaN : Number(line.slice(line.lastIndexOf(' ') + 1));
  if (!Number.isFinite(value)) throw new Error(`no ${series} sample in the metrics`);
  return value;
};

/** Reads the totals from Prometheus text, as dedup's /metrics serves it. */
export const decisionTotalsOf = (metrics: string): DecisionTotals => ({
  count: sample(metrics, 'dedup_decision_seconds_count'),
  seconds: sample(metrics, 'dedup_decision_seconds_sum'),
});

export const readDecisionTotals = async (dedupUrl: string): Promise<DecisionTotals> => {
  const response = await fetch(`${dedupUrl}/metrics`);
  if (!response.ok) throw new Error(`dedup /metrics answered ${response.status}`);
  return decisionTotalsOf(await response.text());
};
