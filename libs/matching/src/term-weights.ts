/**
 * A sparse vector over term ids (dense non-negative int32s, see DocumentFrequencies; any uint32 key works, e.g. an
 * entity hash), looked up in a small open-addressing table: an article's few hundred terms fit in L1, so scoring a
 * candidate reads its terms' weights without touching a vocabulary-sized array or a Map.
 */
export class TermWeights {
  /** id + 1 per bucket, 0 when empty. Plain arrays: one of these lives for one article, and a typed array would
   * cost an off-heap allocation each. */
  private readonly table: number[];
  private readonly positions: number[];
  private readonly shift: number;

  constructor(
    readonly ids: ArrayLike<number>,
    readonly weights: ArrayLike<number>,
    readonly size = ids.length,
  ) {
    let bits = 4;
    while (1 << bits < size * 2) bits++;
    this.table = new Array<number>(1 << bits).fill(0);
    this.positions = new Array<number>(1 << bits).fill(0);
    this.shift = 32 - bits;
    const mask = this.table.length - 1;
    for (let i = 0; i < size; i++) {
      let bucket = this.bucketOf(ids[i]);
      while (this.table[bucket] !== 0) bucket = (bucket + 1) & mask;
      this.table[bucket] = ids[i] + 1;
      this.positions[bucket] = i;
    }
  }

  /** Where `id` sits in `ids`, or -1. */
  positionOf(id: number): number {
    const mask = this.table.length - 1;
    const key = id + 1;
    for (let bucket = this.bucketOf(id); ; bucket = (bucket + 1) & mask) {
      const entry = this.table[bucket];
      if (entry === key) return this.positions[bucket];
      if (entry === 0) return -1;
    }
  }

  /** The weight of `id`, 0 when the vector does not have it. */
  weightOf(id: number): number {
    const position = this.positionOf(id);
    return position < 0 ? 0 : this.weights[position];
  }

  private bucketOf(id: number): number {
    return Math.imul(id + 1, 0x9e3779b1) >>> this.shift;
  }
}
