/** FNV-1a, 32 bits: stable across processes and versions, so hashed terms in the event log stay meaningful. */
export const hash32 = (text: string): number => {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
};

/** A 32-bit avalanche mix (murmur3 finaliser): turns one hash into many independent-looking ones. */
export const mix32 = (value: number, seed: number): number => {
  let h = (value ^ seed) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
};
