import { TermWeights } from './term-weights';

describe('TermWeights', () => {
  it('finds every id it holds, and nothing else, whatever the ids', () => {
    const ids = [0, 1, 2, 15, 16, 31, 1 << 20, 2_000_000_000, ...Array.from({ length: 300 }, (_, i) => 100 + i * 7)];
    const weights = ids.map((_, i) => i + 0.5);
    const vector = new TermWeights(ids, weights);
    expect(ids.map((id) => vector.weightOf(id))).toEqual(weights);
    expect(ids.map((id) => vector.positionOf(id))).toEqual(ids.map((_, i) => i));
    expect([3, 17, 101, 2_000_000_001].map((id) => vector.weightOf(id))).toEqual([0, 0, 0, 0]);
    expect(vector.positionOf(3)).toBe(-1);
  });

  it('keys on any uint32, as entity hashes are', () => {
    const ids = [0xffffffff, 0x80000000, 0xfffffffe];
    const vector = new TermWeights(ids, [1, 2, 3]);
    expect(ids.map((id) => vector.positionOf(id))).toEqual([0, 1, 2]);
    expect(vector.positionOf(0x7fffffff)).toBe(-1);
  });

  it('is empty when given nothing', () => {
    expect(new TermWeights([], []).weightOf(0)).toBe(0);
  });
});
