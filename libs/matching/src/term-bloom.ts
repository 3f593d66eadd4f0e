import { mix32 } from './hash';

/** 4096 bits: a story's vocabulary of a few hundred terms stays under a few percent false positives. */
export const BLOOM_WORDS = 128;
const PROBES = [0x2545f491, 0x9e3779b9, 0x6a09e667];

/** A story's vocabulary in 512 bytes, to tell which passages of a newcomer the story has not told yet. */
export const bloomAdd = (bloom: Uint32Array, term: number): void => {
  for (const seed of PROBES) {
    const bit = mix32(term, seed) % (BLOOM_WORDS * 32);
    bloom[bit >>> 5] |= 1 << (bit & 31);
  }
};

export const bloomHas = (bloom: Uint32Array, term: number): boolean =>
  PROBES.every((seed) => {
    const bit = mix32(term, seed) % (BLOOM_WORDS * 32);
    return (bloom[bit >>> 5] & (1 << (bit & 31))) !== 0;
  });

export const bloomUnion = (into: Uint32Array, other: Uint32Array): void => {
  for (let i = 0; i < BLOOM_WORDS; i++) into[i] |= other[i];
};
