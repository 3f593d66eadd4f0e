import { hash32, mix32 } from './hash';
import { minhashKernel } from './minhash-kernel';

export const SHINGLE_WORDS = 5;
export const MINHASH_SIZE = 128;

const SEEDS = Int32Array.from({ length: MINHASH_SIZE }, (_, i) => mix32(i + 1, 0x9e3779b9));
const FNV_PRIME = 0x01000193;
const SPACE = 32;

/** hash32(words.slice(from, from + count).join(' ')), without building the string. */
const hashOfJoined = (words: readonly string[], from: number, count: number): number => {
  let h = 0x811c9dc5;
  for (let w = from; w < from + count; w++) {
    if (w > from) h = Math.imul(h ^ SPACE, FNV_PRIME);
    const word = words[w];
    for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), FNV_PRIME);
  }
  return h >>> 0;
};

/** The distinct values of `hashes`, ascending, in place; returns the count. */
const sortDistinct = (hashes: Uint32Array): number => {
  hashes.sort();
  let distinct = 0;
  for (let i = 0; i < hashes.length; i++) if (i === 0 || hashes[i] !== hashes[i - 1]) hashes[distinct++] = hashes[i];
  return distinct;
};

/**
 * Hashes of the overlapping word n-grams, the unit of verbatim reuse: distinct and ascending. A sorted typed array
 * rather than a Set, which costs more per shingle to build and to iterate into the MinHash kernel.
 */
export const shingles = (words: readonly string[], size = SHINGLE_WORDS): Uint32Array => {
  if (words.length === 0) return new Uint32Array(0);
  if (words.length < size) return Uint32Array.of(hash32(words.join(' ')));
  const hashes = new Uint32Array(words.length - size + 1);
  for (let i = 0; i < hashes.length; i++) hashes[i] = hashOfJoined(words, i, size);
  return hashes.subarray(0, sortDistinct(hashes));
};

/** Slot i is the least mix32(shingle, SEEDS[i]) over the shingles; see minhash-kernel for how it is computed. */
export const minhashSignature: (shingleHashes: ArrayLike<number>) => number[] = minhashKernel(SEEDS);

/**
 * Fraction of agreeing MinHash slots: an unbiased estimate of the shingle Jaccard similarity. `b` may be read from
 * `bOffset` on, so a signature stored in a column is compared in place.
 */
export const estimateJaccard = (a: ArrayLike<number>, b: ArrayLike<number>, bOffset = 0): number => {
  let agree = 0;
  for (let i = 0; i < MINHASH_SIZE; i++) if (a[i] === b[bOffset + i]) agree++;
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
