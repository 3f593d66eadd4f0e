import fc from 'fast-check';
import { heaviest, tfidfVector, tfWeight } from './term-vector';

describe('tfWeight', () => {
  it('is 1 + ln(count) for any positive count, small integers from a table included', () => {
    for (const count of [1, 2, 3, 7, 255, 256, 1000, 2.5]) expect(tfWeight(count)).toBe(1 + Math.log(count));
    expect([0, -1].map(tfWeight)).toEqual([0, 0]);
  });
});

describe('tfidfVector', () => {
  it('is unit length, weighs by sublinear count times IDF', () => {
    const vector = tfidfVector(new Map([[1, 1], [2, 4]]), (term) => (term === 1 ? 2 : 1));
    const norm = Math.hypot(...vector.values());
    expect(norm).toBeCloseTo(1);
    expect(vector.get(1)! / vector.get(2)!).toBeCloseTo(2 / (1 + Math.log(4)));
  });
});

describe('heaviest', () => {
  it('is the head of the vector sorted heaviest first, ties by term', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat({ max: 60 }), fc.constantFrom(0.1, 0.5, 1, 2)), { maxLength: 80 }), fc.double({ min: 0, max: 30, noNaN: true }), (entries, n) => {
        const vector = new Map(entries);
        const sorted = [...vector.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, n);
        expect(heaviest(vector, n)).toEqual(sorted);
      }),
      { numRuns: 500, seed: 4 },
    );
  });
});
