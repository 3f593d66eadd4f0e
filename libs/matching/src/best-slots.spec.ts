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

  it('passes over runs whose bound is below the worst kept score, and returns what it would without them', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 30 }), { maxLength: 8 }),
        fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 8, maxLength: 8 }),
        fc.nat({ max: 12 }),
        (runScores, slack, count) => {
          // Each run's bound is its highest score or more; ages are distinct, as the index's arrival order is.
          const scores = runScores.flat();
          const score = Float64Array.from(scores, (s) => s / 4);
          const age = Float64Array.from(scores, (_, i) => (i * 7919) % 10007);
          const slots = Int32Array.from(scores.keys());
          const ends: number[] = [];
          const bounds: number[] = [];
          runScores.forEach((run, r) => {
            ends.push((ends[r - 1] ?? 0) + run.length);
            bounds.push((Math.max(0, ...run) + slack[r]) / 4);
          });
          expect(bestSlots(slots, slots.length, count, score, age, { ends, bounds })).toEqual(bestSlots(slots, slots.length, count, score, age));
        },
      ),
      { numRuns: 300, seed: 11 },
    );
  });

  it('reads no score of a run bounded below the kept ones', () => {
    const score = Float64Array.of(5, 4, 1, 1, 1);
    const read: number[] = [];
    // Records which slots' scores are read; the Proxy's other properties (length, …) pass through.
    const watched = new Proxy(score, {
      get: (target, key) => (typeof key === 'string' && /^\d+$/.test(key) ? (read.push(Number(key)), target[Number(key)]) : Reflect.get(target, key)),
    });
    const found = bestSlots(Int32Array.of(0, 1, 2, 3, 4), 5, 2, watched as Float64Array, new Float64Array(5), { ends: [2, 5], bounds: [5, 2] });
    expect(found).toEqual([0, 1]);
    expect(read.filter((slot) => slot >= 2)).toEqual([]);
  });

  it('only reads the first `length` slots', () => {
    const score = Float64Array.of(0, 1, 2, 3);
    expect(bestSlots(Int32Array.from([3, 1, 2]), 2, 5, score, new Float64Array(4))).toEqual([3, 1]);
  });
});
