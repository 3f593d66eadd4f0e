import fc from 'fast-check';
import { heaviest, tfidfVector, tfWeight } from './term-vector';

describe('tfWeight', () => {
  it('is 1 + ln(count) for any positive count, small integers from a table included', () => {
    for (const count of [1, 2, 3, 7, 255, 256, 1000, 2.5]) expect(tfWeight(count)).toBe(1 + Math.log(count));
    expect([0, -1].map(tfWeight)).toEqual([0, 0]);
  });
});

describe('tfidfVector', () => {
  it('is unit length, weighs by sublinear count times IDF, in the order given', () => {
    const vector = tfidfVector([1, 2], [1, 4], (term) => (term === 1 ? 2 : 1));
    expect(vector.terms).toEqual([1, 2]);
    expect(Math.hypot(...vector.weights)).toBeCloseTo(1);
    expect(vector.weights[0] / vector.weights[1]).toBeCloseTo(2 / (1 + Math.log(4)));
  });
});

describe('heaviest', () => {
  it('is the positions of the vector sorted heaviest first, ties by term', () => {
    const distinctTerms = fc.uniqueArray(fc.tuple(fc.nat({ max: 60 }), fc.constantFrom(0.1, 0.5, 1, 2)), { maxLength: 80, selector: ([term]) => term });
    fc.assert(
      fc.property(distinctTerms, fc.double({ min: 0, max: 30, noNaN: true }), (entries, n) => {
        const sorted = entries.map((_, at) => at).sort((a, b) => entries[b][1] - entries[a][1] || entries[a][0] - entries[b][0]);
        const terms = entries.map(([term]) => term);
        const weights = entries.map(([, weight]) => weight);
        expect(heaviest(terms, weights, n)).toEqual(sorted.slice(0, Math.max(0, Math.trunc(n))));
      }),
      { numRuns: 500, seed: 4 },
    );
  });
});
