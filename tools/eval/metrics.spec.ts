import { adjustedRand, bcubed, pairwise } from './metrics';

const labels = (entries: Record<string, string>) => new Map(Object.entries(entries));

describe('bcubed', () => {
  it('scores a perfect clustering 1', () => {
    const gold = labels({ a: 'x', b: 'x', c: 'y' });
    expect(bcubed(labels({ a: '1', b: '1', c: '2' }), gold)).toEqual({ precision: 1, recall: 1, f1: 1, items: 3 });
  });

  it('matches a hand computation', () => {
    // gold {a,b,c} {d}; predicted {a,b} {c,d}
    // precision per item: a 2/2, b 2/2, c 1/2, d 1/2 → 3/4; recall: a 2/3, b 2/3, c 1/3, d 1/1 → 2/3
    const r = bcubed(labels({ a: '1', b: '1', c: '2', d: '2' }), labels({ a: 'x', b: 'x', c: 'x', d: 'y' }));
    expect(r.precision).toBeCloseTo(3 / 4);
    expect(r.recall).toBeCloseTo(2 / 3);
    expect(r.f1).toBeCloseTo((2 * (3 / 4) * (2 / 3)) / (3 / 4 + 2 / 3));
  });

  it('scores only items both sides label', () => {
    expect(bcubed(labels({ a: '1', z: '1' }), labels({ a: 'x', b: 'x' })).items).toBe(1);
  });
});

describe('adjustedRand', () => {
  it('is 1 for identical partitions under any label names', () => {
    expect(adjustedRand(labels({ a: 'p', b: 'p', c: 'q', d: 'q' }), labels({ a: 'x', b: 'x', c: 'y', d: 'y' }))).toBe(1);
  });

  it('matches a hand computation', () => {
    // gold {a,b,c} {d,e,f}; predicted {a,b} {c,d} {e,f}: index 2, rows 3, cols 6, C(6,2)=15 →
    // expected 18/15 = 1.2, max 4.5, ARI = (2 - 1.2) / (4.5 - 1.2) = 0.8 / 3.3
    const predicted = labels({ a: '1', b: '1', c: '2', d: '2', e: '3', f: '3' });
    const gold = labels({ a: 'x', b: 'x', c: 'x', d: 'y', e: 'y', f: 'y' });
    expect(adjustedRand(predicted, gold)).toBeCloseTo(0.8 / 3.3);
  });

  it('is negative for a clustering worse than chance', () => {
    expect(adjustedRand(labels({ a: '1', b: '2', c: '1', d: '2' }), labels({ a: 'x', b: 'x', c: 'y', d: 'y' }))).toBeLessThan(0);
  });
});

describe('pairwise', () => {
  it('matches a hand computation and skips pairs with an unknown article', () => {
    const predicted = labels({ a: '1', b: '1', c: '1', d: '2' });
    const r = pairwise(predicted, [
      { a: 'a', b: 'b', same: true }, // tp
      { a: 'a', b: 'c', same: false }, // fp
      { a: 'c', b: 'd', same: true }, // fn
      { a: 'b', b: 'd', same: false }, // tn
      { a: 'a', b: 'zzz', same: true }, // skipped
    ]);
    expect(r).toEqual({ precision: 0.5, recall: 0.5, f1: 0.5, pairs: 4 });
  });

  it('is 0, not NaN, with no positive predictions', () => {
    expect(pairwise(labels({ a: '1', b: '2' }), [{ a: 'a', b: 'b', same: true }])).toEqual({ precision: 0, recall: 0, f1: 0, pairs: 1 });
  });
});
