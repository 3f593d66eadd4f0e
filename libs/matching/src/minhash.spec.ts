import fc from 'fast-check';
import { hash32, mix32 } from './hash';
import { containment, estimateJaccard, estimateStoredJaccard, MINHASH_SIZE, minhashSignature, shingles, STORED_MINHASH_MASK } from './minhash';

/** A deterministic synthetic text: distinct words so the shingle sets are easy to reason about. */
const text = (from: number, count: number): string[] => Array.from({ length: count }, (_, i) => `w${from + i}`);
const signature = (words: string[]) => minhashSignature(shingles(words));

describe('minhash', () => {
  const original = text(0, 400);

  it('gives identical texts a Jaccard of 1', () => {
    expect(estimateJaccard(signature(original), signature([...original]))).toBe(1);
  });

  it('gives unrelated texts a Jaccard near 0', () => {
    expect(estimateJaccard(signature(original), signature(text(10_000, 400)))).toBeLessThan(0.05);
  });

  it('estimates the Jaccard of overlapping texts within sampling error', () => {
    // Shingles 0..395 and 200..595 share 196 of 596: J ≈ 0.33
    const a = shingles(original);
    const b = shingles(text(200, 400));
    const exact = [...a].filter((s) => b.includes(s)).length / new Set([...a, ...b]).size;
    expect(estimateJaccard(minhashSignature(a), minhashSignature(b))).toBeCloseTo(exact, 1);
  });

  it('sees a trimmed copy as contained in its original, though their Jaccard is low', () => {
    const trimmed = original.slice(0, 100);
    const j = estimateJaccard(signature(original), signature(trimmed));
    expect(j).toBeLessThan(0.4);
    const sizeTrimmed = shingles(trimmed).length;
    const sizeOriginal = shingles(original).length;
    expect(containment(j, sizeTrimmed, sizeOriginal)).toBeGreaterThan(0.8);
    expect(containment(j, sizeOriginal, sizeTrimmed)).toBeLessThan(0.4);
  });

  it('hashes a text shorter than one shingle as a whole', () => {
    expect(shingles(['a', 'b']).length).toBe(1);
    expect(shingles([]).length).toBe(0);
  });

  // The fast paths are hand-inlined forms of these definitions; the properties pin them together.
  it('hashes each shingle as hash32 of its words joined by spaces, distinct and ascending', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 6 }), { maxLength: 30 }), (words) => {
        const expected = words.length < 5 ? [hash32(words.join(' '))] : [];
        for (let i = 0; i + 5 <= words.length; i++) expected.push(hash32(words.slice(i, i + 5).join(' ')));
        expect([...shingles(words)]).toEqual(words.length === 0 ? [] : [...new Set(expected)].sort((x, y) => x - y));
      }),
      { numRuns: 300, seed: 11 },
    );
  });

  it('takes in each slot the least mix32 of a shingle with that slot\'s seed', () => {
    const seeds = Array.from({ length: MINHASH_SIZE }, (_, i) => mix32(i + 1, 0x9e3779b9));
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 0xffffffff }), { maxLength: 50 }), (hashes) => {
        const expected = seeds.map((seed) => Math.min(0xffffffff, ...hashes.map((h) => mix32(h, seed))));
        expect(minhashSignature(hashes)).toEqual(expected);
      }),
      { numRuns: 200, seed: 12 },
    );
  });

  it('signs a long text (its shingles outgrow the kernel\'s first memory page) and then a short one', () => {
    const seeds = Array.from({ length: MINHASH_SIZE }, (_, i) => mix32(i + 1, 0x9e3779b9));
    const definition = (hashes: number[]) =>
      seeds.map((seed) => hashes.reduce((least, h) => Math.min(least, mix32(h, seed)), 0xffffffff));
    const long = Array.from({ length: 40_000 }, (_, i) => mix32(i, 77));
    expect(minhashSignature(long)).toEqual(definition(long));
    expect(minhashSignature([5, 6])).toEqual(definition([5, 6]));
    expect(minhashSignature([])).toEqual(definition([]));
  });

  it('has zero containment for an empty text', () => {
    expect(containment(1, 0, 10)).toBe(0);
  });

  it('compares against stored low bits as the full signatures compare, plus only the accidental low-bit agreements', () => {
    const uint32 = fc.integer({ min: 0, max: 0xffffffff });
    fc.assert(
      fc.property(fc.array(fc.tuple(uint32, uint32, fc.boolean()), { minLength: MINHASH_SIZE, maxLength: MINHASH_SIZE }), (slots) => {
        // Some slots agree fully, some only in their low bits, the rest at random.
        const a = slots.map(([x]) => x);
        const b = slots.map(([x, y, same]) => (same ? x : y % 3 === 0 ? ((y & ~STORED_MINHASH_MASK) | (x & STORED_MINHASH_MASK)) >>> 0 : y));
        const stored = Uint16Array.from([0, 0, ...b.map((v) => v & STORED_MINHASH_MASK)]);
        const accidental = a.filter((x, i) => x !== b[i] && (x & STORED_MINHASH_MASK) === (b[i] & STORED_MINHASH_MASK)).length;
        expect(estimateStoredJaccard(a, stored, 2)).toBe(estimateJaccard(a, b) + accidental / MINHASH_SIZE);
      }),
      { numRuns: 200, seed: 11 },
    );
  });
});
