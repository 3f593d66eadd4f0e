import fc from 'fast-check';
import { ArticleFeatures } from './article-features';
import { ArticleIndex } from './article-index';
import { MINHASH_SIZE } from './minhash';
import { TermWeights } from './term-weights';

const features = (terms: number[], time: number, seed = 0): ArticleFeatures => ({
  terms,
  counts: terms.map(() => 1),
  minhash: Array.from({ length: MINHASH_SIZE }, (_, i) => i + seed),
  shingles: 10 + seed,
  entities: [seed + 1000],
  time,
  weekdays: seed % 128,
});
const flatIdf = () => 1;
const sameKey = (term: number) => term;
const EVERY_POSTING = Number.POSITIVE_INFINITY;

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
    const found = index.candidates([[3, 1], [4, 0.5], [9, 1]], 10, EVERY_POSTING).map((c) => [index.articleId(c.slot), c.sharedMass]);
    expect(found).toEqual([['b', 1.5], ['a', 1]]);
    expect(index.candidates([[2, 1]], 10, EVERY_POSTING).map((c) => index.articleId(c.slot))).toEqual(['a', 'b']);
    expect(index.candidates([[2, 1]], 1, EVERY_POSTING)).toHaveLength(1);
  });

  it('keeps each article\'s features', () => {
    const index = build();
    const slot = index.candidates([[7, 1]], 1, EVERY_POSTING)[0].slot;
    expect([index.storyId(slot), index.time(slot), index.shingles(slot), index.weekdays(slot)]).toEqual(['story-2', 300, 13, 3]);
    expect(Array.from(index.entities(slot))).toEqual([1003]);
    expect(index.jaccard(slot, features([], 0, 3).minhash)).toBe(1);
    expect(index.jaccard(slot, features([], 0, 4).minhash)).toBe(0);
    expect(index.cosine(slot, new TermWeights([7], [1]), flatIdf)).toBeCloseTo(Math.SQRT1_2);
  });

  it('caps a term\'s stored count at 65,535, the most its column holds', () => {
    const index = new ArticleIndex();
    let added = 0;
    const counted = (count: number) => index.add(`a-${added++}`, 's', { ...features([1, 2], 100), counts: [count, 1] });
    const query = new TermWeights([1, 2], [Math.SQRT1_2, Math.SQRT1_2]);
    expect(index.cosine(counted(70_000), query, flatIdf)).toBe(index.cosine(counted(65_535), query, flatIdf));
    expect(index.cosine(counted(65_535), query, flatIdf)).not.toBe(index.cosine(counted(60_000), query, flatIdf));
  });

  it('evicts by event time, drops postings and reuses slots', () => {
    const index = build();
    expect(index.evictBefore(250)).toEqual(['a', 'b']);
    expect(index.liveArticles).toBe(1);
    expect(index.candidates([[2, 1], [3, 1]], 10, EVERY_POSTING)).toEqual([]);
    const slot = index.add('d', 'story-3', features([2], 400));
    expect(slot).toBeLessThan(3);
    expect(index.candidates([[2, 1]], 10, EVERY_POSTING).map((c) => index.articleId(c.slot))).toEqual(['d']);
    expect(index.evictBefore(0)).toEqual([]);
  });

  it('relabels merged stories', () => {
    const index = build();
    index.relabelStories(new Set(['story-1']), 'story-2');
    expect(index.candidates([[2, 1]], 10, EVERY_POSTING).map((c) => index.storyId(c.slot))).toEqual(['story-2', 'story-2']);
  });

  it('round-trips through a JSON snapshot, free slots and candidate order included', () => {
    const index = build();
    index.evictBefore(150);
    const restored = ArticleIndex.fromSnapshot(JSON.parse(JSON.stringify(index.toSnapshot(sameKey))), sameKey);
    expect(restored.toSnapshot(sameKey)).toEqual(index.toSnapshot(sameKey));
    for (const { slot } of index.candidates([[2, 1], [3, 1]], 10, EVERY_POSTING)) expect(restored.weekdays(slot)).toBe(index.weekdays(slot));
    const query: [number, number][] = [[2, 1], [3, 1], [7, 1]];
    expect(restored.candidates(query, 10, EVERY_POSTING)).toEqual(index.candidates(query, 10, EVERY_POSTING));
    expect(restored.add('e', 'story-4', features([3], 500))).toBe(index.add('e', 'story-4', features([3], 500)));
    expect(restored.toSnapshot(sameKey)).toEqual(index.toSnapshot(sameKey));
  });

  it('stores the caller\'s term ids and snapshots them as the caller\'s hashes', () => {
    const index = build();
    const hashOf = (id: number) => id + 500;
    const snapshot = index.toSnapshot(hashOf);
    const restored = ArticleIndex.fromSnapshot(snapshot, (hash) => hash - 500);
    expect(restored.toSnapshot(sameKey)).toEqual(index.toSnapshot(sameKey));
    expect(ArticleIndex.fromSnapshot(snapshot, sameKey).candidates([[503, 1]], 10, EVERY_POSTING).map((c) => restored.articleId(c.slot))).toEqual(['a', 'b']);
  });

  describe('retrieval', () => {
    // A model of the definition: live articles in arrival order; a term's postings are the live articles using it,
    // and a query scores each article by walking every term's newest `scanned` postings in query order.
    const modelCandidates = (live: { id: string; terms: number[] }[], query: [number, number][], scanned: number, limit: number) => {
      const mass = new Map<string, number>();
      for (const [term, weight] of query) {
        const postings = live.filter((a) => a.terms.includes(term));
        for (const a of postings.slice(Math.max(0, postings.length - scanned))) mass.set(a.id, (mass.get(a.id) ?? 0) + weight);
      }
      const arrival = (id: string) => live.findIndex((a) => a.id === id);
      return [...mass].sort((a, b) => b[1] - a[1] || arrival(a[0]) - arrival(b[0])).slice(0, limit);
    };
    // Terms 0-3 are common and light, 4-11 rare: long cheap lists and short heavy ones.
    const articleTerms = fc.uniqueArray(fc.oneof({ arbitrary: fc.nat({ max: 3 }), weight: 3 }, { arbitrary: fc.integer({ min: 4, max: 11 }), weight: 1 }), {
      minLength: 1,
      maxLength: 6,
    });
    const step = fc.oneof({ arbitrary: fc.record({ add: articleTerms }), weight: 9 }, { arbitrary: fc.record({ evictOldest: fc.nat({ max: 20 }) }), weight: 1 });
    // Queries come heaviest first, as the engine builds them, or in any order.
    const query = fc
      .tuple(
        fc.uniqueArray(fc.nat({ max: 12 }), { minLength: 1, maxLength: 9 }),
        fc.array(fc.constantFrom(0.05, 0.1, 0.25, 1, 1.3, 2), { minLength: 9, maxLength: 9 }),
        fc.boolean(),
      )
      .map(([terms, weights, sorted]) => {
        const q = terms.map((term, i): [number, number] => [term, term >= 4 ? weights[i] * 3 : weights[i]]);
        return sorted ? q.sort((a, b) => b[1] - a[1]) : q;
      });

    it('finds what walking every scanned posting in query order finds, scores to the last bit', () => {
      fc.assert(
        fc.property(fc.array(step, { maxLength: 400 }), query, fc.integer({ min: 1, max: 120 }), fc.integer({ min: 1, max: 6 }), (steps, q, scanned, limit) => {
          const index = new ArticleIndex({ termsPerArticle: 6, entitiesPerArticle: 2 });
          let live: { id: string; terms: number[]; time: number }[] = [];
          steps.forEach((s, n) => {
            if ('add' in s) {
              index.add(`a${n}`, 's', features(s.add, n));
              live.push({ id: `a${n}`, terms: s.add, time: n });
            } else if (live.length > 0) {
              const horizon = live[Math.min(s.evictOldest, live.length - 1)].time;
              index.evictBefore(horizon);
              live = live.filter((a) => a.time >= horizon);
            }
          });
          const found = index.candidates(q, limit, scanned);
          expect(found.map((c) => [index.articleId(c.slot), c.sharedMass])).toEqual(modelCandidates(live, q, scanned, limit));
        }),
        { numRuns: 400, seed: 3 },
      );
    });
  });

  it('keeps every live article under its story through merges, eviction, slot reuse and snapshots', () => {
    const step = fc.oneof(
      { arbitrary: fc.record({ add: fc.nat({ max: 5 }) }), weight: 6 },
      { arbitrary: fc.record({ merge: fc.uniqueArray(fc.nat({ max: 5 }), { minLength: 1, maxLength: 3 }), into: fc.nat({ max: 5 }) }), weight: 2 },
      { arbitrary: fc.record({ evictOldest: fc.nat({ max: 6 }) }), weight: 1 },
      { arbitrary: fc.constant({ restore: true as const }), weight: 1 },
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 80 }), (steps) => {
        let index = new ArticleIndex({ termsPerArticle: 3, entitiesPerArticle: 1 });
        // Each article carries one term, the number of the story it started in, so a query per term lists them.
        let live: { id: string; term: number; story: string; time: number }[] = [];
        steps.forEach((s, n) => {
          if ('add' in s) {
            index.add(`a${n}`, `s${s.add}`, features([s.add], n));
            live.push({ id: `a${n}`, term: s.add, story: `s${s.add}`, time: n });
          } else if ('merge' in s) {
            const merged = new Set(s.merge.map((m) => `s${m}`));
            index.relabelStories(merged, `s${s.into}`);
            for (const a of live) if (merged.has(a.story)) a.story = `s${s.into}`;
          } else if ('evictOldest' in s) {
            if (live.length === 0) return;
            const horizon = live[Math.min(s.evictOldest, live.length - 1)].time;
            index.evictBefore(horizon);
            live = live.filter((a) => a.time >= horizon);
          } else {
            index = ArticleIndex.fromSnapshot(JSON.parse(JSON.stringify(index.toSnapshot(sameKey))), sameKey);
          }
        });
        for (let term = 0; term < 6; term++) {
          const found = index.candidates([[term, 1]], 100, 10).map((c) => [index.articleId(c.slot), index.storyId(c.slot)]);
          expect(found).toEqual(live.filter((a) => a.term === term).map((a) => [a.id, a.story]));
        }
      }),
      { numRuns: 500, seed: 13 },
    );
  });
});
