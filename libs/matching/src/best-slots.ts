/**
 * The slots given to `bestSlots` as consecutive runs that cover them in order, each with a bound: no slot of run `r`
 * (the positions from the end of the run before up to `ends[r]`) scores above `bounds[r]`.
 */
export interface BoundedRuns {
  ends: ArrayLike<number>;
  bounds: ArrayLike<number>;
}

/**
 * The `count` best of `slots` by `score` (higher first; ties by `age`, lower first), best first, without sorting
 * them all: at a million articles retrieval touches tens of thousands of slots to keep a few dozen. A bounded heap
 * keeps the worst kept slot at its root, with its score at hand, so most slots are turned away by one comparison;
 * and a run whose bound is already below that worst score is passed over without reading its slots' scores, which
 * at that size are cache misses.
 */
export const bestSlots = (
  slots: Int32Array,
  length: number,
  count: number,
  score: Float64Array,
  age: Float64Array,
  runs: BoundedRuns = { ends: [length], bounds: [Number.POSITIVE_INFINITY] },
): number[] => {
  if (count <= 0) return [];
  const heap: number[] = [];
  const better = (a: number, b: number) => score[a] > score[b] || (score[a] === score[b] && age[a] < age[b]);
  const swap = (i: number, j: number) => {
    const slot = heap[i];
    heap[i] = heap[j];
    heap[j] = slot;
  };
  let worstScore = -Infinity;
  let n = 0;
  for (let r = 0; r < runs.ends.length && n < length; r++) {
    const end = Math.min(runs.ends[r], length);
    if (heap.length === count && runs.bounds[r] < worstScore) {
      n = end;
      continue;
    }
    for (; n < end; n++) {
      const slot = slots[n];
      if (heap.length === count) {
        if (score[slot] < worstScore || !better(slot, heap[0])) continue;
        heap[0] = slot;
        for (let i = 0; ; ) {
          const left = 2 * i + 1;
          let worst = i;
          if (left < count && better(heap[worst], heap[left])) worst = left;
          if (left + 1 < count && better(heap[worst], heap[left + 1])) worst = left + 1;
          if (worst === i) break;
          swap(i, worst);
          i = worst;
        }
      } else {
        heap.push(slot);
        for (let i = heap.length - 1; i > 0 && better(heap[(i - 1) >> 1], heap[i]); i = (i - 1) >> 1) swap(i, (i - 1) >> 1);
      }
      worstScore = heap.length === count ? score[heap[0]] : -Infinity;
    }
  }
  return heap.sort((a, b) => (better(a, b) ? -1 : 1));
};
