import { ArticleFeatures } from './article-features';
import { ArticleIndex } from './article-index';
import { MINHASH_SIZE } from './minhash';

const features = (terms: number[], time: number, seed = 0): ArticleFeatures => ({
  terms,
  counts: terms.map(() => 1),
  minhash: Array.from({ length: MINHASH_SIZE }, (_, i) => i + seed),
  shingles: 10 + seed,
  entities: [seed + 1000],
  time,
});
const flatIdf = () => 1;

describe('ArticleIndex', () => {
  const build = () => {
    const index = new ArticleIndex();
    index.add('a', 'story-1', features([1, 2, 3], 100, 1));
    index.add('b', 'story-1', features([2, 3, 4], 200, 2));
    index.add('c', 'story-2', features([7, 8], 300, 3));
    return index;
  };

  it('finds candidates by shared term mass, ties oldest first', () => {
    const index = build();
    const found = index.candidates([[3, 1], [4, 0.5], [9, 1]], 10).map((c) => [index.articleId(c.slot), c.sharedMass]);
    expect(found).toEqual([['b', 1.5], ['a', 1]]);
    expect(index.candidates([[2, 1]], 10).map((c) => index.articleId(c.slot))).toEqual(['a', 'b']);
    expect(index.candidates([[2, 1]], 1)).toHaveLength(1);
  });

  it('keeps each article\'s features', () => {
    const index = build();
    const slot = index.candidates([[7, 1]], 1)[0].slot;
    expect([index.storyId(slot), index.time(slot), index.shingles(slot)]).toEqual(['story-2', 300, 13]);
    expect(Array.from(index.entities(slot))).toEqual([1003]);
    expect(index.signature(slot)[5]).toBe(8);
    expect(index.cosine(slot, new Map([[7, 1]]), flatIdf)).toBeCloseTo(Math.SQRT1_2);
  });

  it('evicts by event time, drops postings and reuses slots', () => {
    const index = build();
    expect(index.evictBefore(250)).toEqual(['a', 'b']);
    expect(index.liveArticles).toBe(1);
    expect(index.candidates([[2, 1], [3, 1]], 10)).toEqual([]);
    const slot = index.add('d', 'story-3', features([2], 400));
    expect(slot).toBeLessThan(3);
    expect(index.candidates([[2, 1]], 10).map((c) => index.articleId(c.slot))).toEqual(['d']);
    expect(index.evictBefore(0)).toEqual([]);
  });

  it('relabels merged stories', () => {
    const index = build();
    index.relabelStories(new Set(['story-1']), 'story-2');
    expect(index.candidates([[2, 1]], 10).map((c) => index.storyId(c.slot))).toEqual(['story-2', 'story-2']);
  });

  it('round-trips through a JSON snapshot, free slots and candidate order included', () => {
    const index = build();
    index.evictBefore(150);
    const restored = ArticleIndex.fromSnapshot(JSON.parse(JSON.stringify(index.toSnapshot())));
    expect(restored.toSnapshot()).toEqual(index.toSnapshot());
    const query: [number, number][] = [[2, 1], [3, 1], [7, 1]];
    expect(restored.candidates(query, 10)).toEqual(index.candidates(query, 10));
    expect(restored.add('e', 'story-4', features([3], 500))).toBe(index.add('e', 'story-4', features([3], 500)));
    expect(restored.toSnapshot()).toEqual(index.toSnapshot());
  });
});
