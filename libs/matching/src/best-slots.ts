/**
 * The `count` best of `slots` by `score` (higher first; ties by `age`, lower first), best first, without sorting
 * them all: at a million articles retrieval touches tens of thousands of slots to keep a few dozen. A bounded heap
 * keeps the worst kept slot at its root, with its score at hand, so most slots are turned away by one comparison.
 */
export const bestSlots = (slots: Int32Array, length: number, count: number, score: Float64Array, age: Float64Array): number[] => {
  if (count <= 0) return [];
  const heap: number[] = [];
  const better = (a: number, b: number) => score[a] > score[b] || (score[a] === score[b] && age[a] < age[b]);
  const swap = (i: number, j: number) => {
    const slot = heap[i];
    heap[i] = heap[j];
    heap[j] = slot;
  };
  let worstScore = -Infinity;
  for (let n = 0; n < length; n++) {
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
  return heap.sort((a, b) => (better(a, b) ? -1 : 1));
};
