import { decisionTotalsOf } from './decision-totals';

describe('decisionTotalsOf', () => {
  const metrics = [
    '# HELP dedup_decision_seconds Time to decide one input record (parse, analyse, match, fold)',
    '# TYPE dedup_decision_seconds histogram',
    'dedup_decision_seconds_bucket{le="0.001",service="dedup"} 3',
    'dedup_decision_seconds_bucket{le="+Inf",service="dedup"} 12',
    'dedup_decision_seconds_sum{service="dedup"} 0.0185',
    'dedup_decision_seconds_count{service="dedup"} 12',
    'dedup_decision_seconds_count_other 99',
  ].join('\n');

  it('reads the count and the sum of the histogram, labelled or not', () => {
    expect(decisionTotalsOf(metrics)).toEqual({ count: 12, seconds: 0.0185 });
    expect(decisionTotalsOf('dedup_decision_seconds_sum 2\ndedup_decision_seconds_count 5')).toEqual({ count: 5, seconds: 2 });
  });

  it('throws when dedup does not export the histogram', () => {
    expect(() => decisionTotalsOf('http_requests_total 4')).toThrow('no dedup_decision_seconds_count sample');
  });
});
