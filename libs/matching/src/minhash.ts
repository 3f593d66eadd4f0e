import { hash32, mix32 } from './hash';

export const SHINGLE_WORDS = 5;
export const MINHASH_SIZE = 128;

const SEEDS = Array.from({ length: MINHASH_SIZE }, (_, i) => mix32(i + 1, 0x9e3779b9));

/** Hashes of the overlapping word n-grams: the unit of verbatim reuse. */
export const shingles = (words: readonly string[], size = SHINGLE_WORDS): Set<number> => {
  const out = new Set<number>();
  if (words.length === 0) return out;
  if (words.length < size) out.add(hash32(words.join(' ')));
  for (let i = 0; i + size <= words.length; i++) out.add(hash32(words.slice(i, i + size).join(' ')));
  return out;
};

export const minhashSignature = (shingleHashes: Iterable<number>): number[] => {
  const signature = new Array<number>(MINHASH_SIZE).fill(0xffffffff);
  for (const shingle of shingleHashes) {
    for (let i = 0; i < MINHASH_SIZE; i++) {
      const h = mix32(shingle, SEEDS[i]);
      if (h < signature[i]) signature[i] = h;
    }
  }
  return signature;
};

/** Fraction of agreeing MinHash slots: an unbiased estimate of the shingle Jaccard similarity. */
export const estimateJaccard = (a: ArrayLike<number>, b: ArrayLike<number>): number => {
  let agree = 0;
  for (let i = 0; i < MINHASH_SIZE; i++) if (a[i] === b[i]) agree++;
  return agree / MINHASH_SIZE;
};

/**
 * How much of A's text appears in B, from Jaccard and the two shingle counts: |A∩B| = J(|A|+|B|)/(1+J).
 * Trims and appended material break Jaccard; containment survives them.
 */
export const containment = (jaccard: number, sizeA: number, sizeB: number): number => {
  if (sizeA === 0) return 0;
  const intersection = (jaccard * (sizeA + sizeB)) / (1 + jaccard);
  return Math.min(1, intersection / sizeA);
};
