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
    const fill = (from: number) => {
      for (let term = from; term < from + 500; term++) for (let slot = 0; slot < 20; slot++) lists.push(term, slot);
    };
    fill(0);
    const arena = lists.arena.length;
    for (let term = 0; term < 500; term++) lists.retain(term, () => false);
    fill(500);
    expect(lists.arena.length).toBe(arena);
    expect(listOf(lists, 0)).toEqual([]);
    expect(listOf(lists, 999)).toEqual(Array.from({ length: 20 }, (_, slot) => slot));
  });
});
