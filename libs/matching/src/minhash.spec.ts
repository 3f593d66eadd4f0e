import { containment, estimateJaccard, minhashSignature, shingles } from './minhash';

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
    const exact = [...a].filter((s) => b.has(s)).length / new Set([...a, ...b]).size;
    expect(estimateJaccard(minhashSignature(a), minhashSignature(b))).toBeCloseTo(exact, 1);
  });

  it('sees a trimmed copy as contained in its original, though their Jaccard is low', () => {
    const trimmed = original.slice(0, 100);
    const j = estimateJaccard(signature(original), signature(trimmed));
    expect(j).toBeLessThan(0.4);
    const sizeTrimmed = shingles(trimmed).size;
    const sizeOriginal = shingles(original).size;
    expect(containment(j, sizeTrimmed, sizeOriginal)).toBeGreaterThan(0.8);
    expect(containment(j, sizeOriginal, sizeTrimmed)).toBeLessThan(0.4);
  });

  it('hashes a text shorter than one shingle as a whole', () => {
    expect(shingles(['a', 'b']).size).toBe(1);
    expect(shingles([]).size).toBe(0);
  });

  it('has zero containment for an empty text', () => {
    expect(containment(1, 0, 10)).toBe(0);
  });
});
