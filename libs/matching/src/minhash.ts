import { hash32, mix32 } from './hash';
import { minhashKernel } from './minhash-kernel';

export const SHINGLE_WORDS = 5;
export const MINHASH_SIZE = 128;

const SEEDS = Int32Array.from({ length: MINHASH_SIZE }, (_, i) => mix32(i + 1, 0x9e3779b9));
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const SPACE = 32;

/**
 * Scratch buffers, grown to the longest text seen and reused: allocating a typed array costs an off-heap backing
 * store each time, more than filling it for a few hundred words.
 */
const scratch = {
  /** The words joined by single spaces, as char codes. */
  codes: new Uint16Array(1 << 14),
  /** Where each word starts in `codes`, then where the text ends. */
  starts: new Int32Array(1 << 12),
  hashes: new Uint32Array(1 << 12),
  sorted: new Uint32Array(1 << 12),
};
const atLeast = <T extends Uint16Array | Int32Array | Uint32Array>(array: T, length: number, grow: (length: number) => T): T =>
  array.length >= length ? array : grow(Math.max(length, array.length * 2));

/** Fills scratch.codes and scratch.starts, so hashing reads one typed array rather than charCodeAt on each string. */
const joinCodes = (words: readonly string[]): void => {
  let length = words.length;
  for (const word of words) length += word.length;
  const codes = (scratch.codes = atLeast(scratch.codes, length, (n) => new Uint16Array(n)));
  const starts = (scratch.starts = atLeast(scratch.starts, words.length + 1, (n) => new Int32Array(n)));
  let at = 0;
  for (let w = 0; w < words.length; w++) {
    starts[w] = at;
    const word = words[w];
    for (let i = 0; i < word.length; i++) codes[at++] = word.charCodeAt(i);
    codes[at++] = SPACE;
  }
  starts[words.length] = at;
};

/** FNV-1a (hash32's loop) of codes[from, to), continuing from `h`. */
const continueHash = (h: number, codes: Uint16Array, from: number, to: number): number => {
  for (let c = from; c < to; c++) h = Math.imul(h ^ codes[c], FNV_PRIME);
  return h;
};

/**
 * hash32 of every run of `size` words joined by spaces, into the first `count` of scratch.hashes: shingle i is the
 * codes from word i's start to just before the space after word i + size - 1. FNV-1a is one chain of dependent
 * multiplications per string, so shingles are hashed in pairs, side by side over their common length, which gives
 * the CPU two independent chains to overlap.
 */
const hashWindows = (words: readonly string[], size: number, count: number): Uint32Array => {
  joinCodes(words);
  const { codes, starts } = scratch;
  const hashes = (scratch.hashes = atLeast(scratch.hashes, count, (n) => new Uint32Array(n)));
  let i = 0;
  for (; i + 1 < count; i += 2) {
    const a = starts[i];
    const b = starts[i + 1];
    const endA = starts[i + size] - 1;
    const endB = starts[i + 1 + size] - 1;
    const common = Math.min(endA - a, endB - b);
    let ha = FNV_OFFSET;
    let hb = FNV_OFFSET;
    for (let c = 0; c < common; c++) {
      ha = Math.imul(ha ^ codes[a + c], FNV_PRIME);
      hb = Math.imul(hb ^ codes[b + c], FNV_PRIME);
    }
    hashes[i] = continueHash(ha, codes, a + common, endA);
    hashes[i + 1] = continueHash(hb, codes, b + common, endB);
  }
  if (i < count) hashes[i] = continueHash(FNV_OFFSET, codes, starts[i], starts[i + size] - 1);
  return hashes;
};

const digitCounts = new Int32Array(4 * 256);

/**
 * Sorts the first `count` values in place by four passes of 8-bit digits through scratch.sorted: about twice as
 * fast as TypedArray.prototype.sort for the few hundred hashes of an article.
 */
const radixSort = (values: Uint32Array, count: number): void => {
  const sorted = (scratch.sorted = atLeast(scratch.sorted, count, (n) => new Uint32Array(n)));
  digitCounts.fill(0);
  for (let i = 0; i < count; i++) {
    const v = values[i];
    digitCounts[v & 255]++;
    digitCounts[256 + ((v >>> 8) & 255)]++;
    digitCounts[512 + ((v >>> 16) & 255)]++;
    digitCounts[768 + (v >>> 24)]++;
  }
  for (let base = 0; base < digitCounts.length; base += 256) {
    let sum = 0;
    for (let b = base; b < base + 256; b++) {
      const digits = digitCounts[b];
      digitCounts[b] = sum;
      sum += digits;
    }
  }
  // The passes alternate between the two buffers; after the fourth the result is back in `values`.
  for (let base = 0, shift = 0; base < digitCounts.length; base += 256, shift += 8) {
    const from = shift % 16 === 0 ? values : sorted;
    const to = shift % 16 === 0 ? sorted : values;
    for (let i = 0; i < count; i++) to[digitCounts[base + ((from[i] >>> shift) & 255)]++] = from[i];
  }
};

/** The distinct values among the first `count` of `hashes`, ascending, in a new array. */
const sortedDistinct = (hashes: Uint32Array, count: number): Uint32Array => {
  radixSort(hashes, count);
  let distinct = 0;
  for (let i = 0; i < count; i++) if (i === 0 || hashes[i] !== hashes[i - 1]) hashes[distinct++] = hashes[i];
  return hashes.slice(0, distinct);
};

/**
 * Hashes of the overlapping word n-grams, the unit of verbatim reuse: distinct and ascending. A sorted typed array
 * rather than a Set, which costs more per shingle to build and to iterate into the MinHash kernel.
 */
export const shingles = (words: readonly string[], size = SHINGLE_WORDS): Uint32Array => {
  if (words.length === 0) return new Uint32Array(0);
  if (words.length < size) return Uint32Array.of(hash32(words.join(' ')));
  const count = words.length - size + 1;
  return sortedDistinct(hashWindows(words, size, count), count);
};

/** Slot i is the least mix32(shingle, SEEDS[i]) over the shingles; see minhash-kernel for how it is computed. */
export const minhashSignature: (shingleHashes: ArrayLike<number>) => number[] = minhashKernel(SEEDS);

/** Fraction of agreeing MinHash slots: an unbiased estimate of the shingle Jaccard similarity. */
export const estimateJaccard = (a: ArrayLike<number>, b: ArrayLike<number>): number => {
  let agree = 0;
  for (let i = 0; i < MINHASH_SIZE; i++) if (a[i] === b[i]) agree++;
  return agree / MINHASH_SIZE;
};

/**
 * The index keeps only the low 16 bits of each MinHash value (b-bit MinHash, Li & König 2010): half the memory of
 * the largest column. Two different minima then agree by accident with probability 2^-16, which biases a Jaccard
 * estimate upward by at most 1.5e-5, against the 1/128 that one agreeing slot is worth; no correction is applied.
 */
export const STORED_MINHASH_MASK = 0xffff;

/** `estimateJaccard` of a full signature against one kept as its low bits (`STORED_MINHASH_MASK`) from `offset` on. */
export const estimateStoredJaccard = (signature: ArrayLike<number>, stored: Uint16Array, offset: number): number => {
  let agree = 0;
  for (let i = 0; i < MINHASH_SIZE; i++) if ((signature[i] & STORED_MINHASH_MASK) === stored[offset + i]) agree++;
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
