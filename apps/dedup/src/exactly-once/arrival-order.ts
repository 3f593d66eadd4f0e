/**
 * The records of one fetch, all partitions together, in the order they were produced: a merge by record timestamp
 * that keeps each partition's own offset order (ties go to the earlier batch). The story engine's decisions depend
 * on order (the first version of a story starts it, a later one copies it), and handling a fetch partition by
 * partition would put one partition's whole batch ahead of articles that arrived before most of it.
 */
export const arrivalOrder = <T>(batches: readonly (readonly T[])[], timestampOf: (item: T) => number): T[] => {
  const next = batches.map(() => 0);
  const total = batches.reduce((sum, batch) => sum + batch.length, 0);
  const merged: T[] = [];
  while (merged.length < total) {
    let pick = -1;
    for (let b = 0; b < batches.length; b++) {
      if (next[b] >= batches[b].length) continue;
      if (pick === -1 || timestampOf(batches[b][next[b]]) < timestampOf(batches[pick][next[pick]])) pick = b;
    }
    merged.push(batches[pick][next[pick]++]);
  }
  return merged;
};
