import fc from 'fast-check';
import { PostingLists } from './posting-lists';

const listOf = (lists: PostingLists, term: number): number[] => {
  const start = lists.start(term);
  return Array.from(lists.arena.subarray(start, start + lists.length(term)));
};

describe('PostingLists', () => {
  it('keeps every term\'s postings in order through pushes and filtering, as plain arrays would', () => {
    const step = fc.oneof(
      { arbitrary: fc.record({ term: fc.nat({ max: 40 }), slot: fc.nat({ max: 1000 }) }), weight: 8 },
      { arbitrary: fc.record({ term: fc.nat({ max: 40 }), below: fc.nat({ max: 1000 }) }), weight: 1 },
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 3000 }), (steps) => {
        const lists = new PostingLists();
        const model = new Map<number, number[]>();
        for (const s of steps) {
          if ('slot' in s) {
            lists.push(s.term, s.slot);
            model.set(s.term, [...(model.get(s.term) ?? []), s.slot]);
          } else {
            lists.retain(s.term, (slot) => slot >= s.below);
            model.set(s.term, (model.get(s.term) ?? []).filter((slot) => slot >= s.below));
          }
        }
        for (let term = 0; term <= 41; term++) expect(listOf(lists, term)).toEqual(model.get(term) ?? []);
      }),
      { numRuns: 200, seed: 5 },
    );
  });

  it('reuses the regions that emptied lists give back instead of growing the arena', () => {
    const lists = new PostingLists();
    const fill = (from: number, terms: number) => {
      for (let term = from; term < from + terms; term++) for (let slot = 0; slot < 20; slot++) lists.push(term, term * 100 + slot);
    };
    const expectFilled = (from: number, terms: number) => {
      for (let term = from; term < from + terms; term++) expect(listOf(lists, term)).toEqual(Array.from({ length: 20 }, (_, slot) => term * 100 + slot));
    };
    fill(0, 500);
    const arena = lists.arena.length;
    for (let term = 0; term < 500; term++) lists.retain(term, () => false);
    fill(500, 500);
    expect(lists.arena.length).toBe(arena);
    expect(listOf(lists, 0)).toEqual([]);
    expectFilled(500, 500);
  });

  it('gives a region back once, however often an empty list is filtered', () => {
    const lists = new PostingLists();
    for (let slot = 0; slot < 20; slot++) lists.push(1, slot);
    lists.retain(1, () => false);
    lists.retain(1, () => false);
    lists.retain(7, () => false);
    // Two lists growing to the same size must not be handed one region twice.
    for (let slot = 0; slot < 20; slot++) {
      lists.push(2, slot);
      lists.push(3, 100 + slot);
    }
    expect(listOf(lists, 2)).toEqual(Array.from({ length: 20 }, (_, slot) => slot));
    expect(listOf(lists, 3)).toEqual(Array.from({ length: 20 }, (_, slot) => 100 + slot));
  });
});
