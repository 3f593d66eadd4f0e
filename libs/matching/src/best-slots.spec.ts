import fc from 'fast-check';
import { bestSlots } from './best-slots';

describe('bestSlots', () => {
  it('returns what a full sort would put first, in that order, ties included', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 200 }), fc.nat({ max: 50 }), (scores, count) => {
        // Scores with many ties, broken by age as the index breaks them by arrival.
        const score = Float64Array.from(scores, (s) => s / 4);
        const age = Float64Array.from(scores, (_, i) => (i * 7919) % 211);
        const slots = Int32Array.from(scores.keys()).reverse();
        const sorted = [...slots].sort((a, b) => score[b] - score[a] || age[a] - age[b] || a - b).slice(0, count);
        expect(bestSlots(slots, slots.length, count, score, age)).toEqual(sorted);
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it('only reads the first `length` slots', () => {
    const score = Float64Array.of(0, 1, 2, 3);
    expect(bestSlots(Int32Array.from([3, 1, 2]), 2, 5, score, new Float64Array(4))).toEqual([3, 1]);
  });
});
