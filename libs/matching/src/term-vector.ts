const sublinear = (count: number): number => (count > 0 ? 1 + Math.log(count) : 0);
/** Counts are small integers, and the index reads one per stored term of every candidate: a table, not a log. */
const SMALL_COUNTS = Float64Array.from({ length: 256 }, (_, count) => sublinear(count));

/** Sublinear term frequency: the tenth "Russia" in an article says less than the first. */
export const tfWeight = (count: number): number => ((count & 255) === count ? SMALL_COUNTS[count] : sublinear(count));

/**
 * Unit-length TF-IDF vector of term counts. The weights wait in an array until the norm is known, so each term goes
 * into the Map once instead of being inserted and then looked up again to rescale.
 */
export const tfidfVector = (counts: ReadonlyMap<number, number>, idf: (term: number) => number): Map<number, number> => {
  const weights: number[] = [];
  let norm = 0;
  for (const [term, count] of counts) {
    const weight = tfWeight(count) * idf(term);
    weights.push(weight);
    norm += weight * weight;
  }
  const length = Math.sqrt(norm) || 1;
  const vector = new Map<number, number>();
  let i = 0;
  for (const term of counts.keys()) vector.set(term, weights[i++] / length);
  return vector;
};

const heavier = (a: readonly [number, number], b: readonly [number, number]): boolean => a[1] > b[1] || (a[1] === b[1] && a[0] < b[0]);

/**
 * The `n` heaviest entries, heaviest first; ties broken by term hash so the choice is deterministic. A selection
 * rather than a sort of the whole vector: it picks a few dozen of a few hundred, several times per article.
 */
export const heaviest = (vector: ReadonlyMap<number, number>, n: number): [number, number][] => {
  const count = Math.max(0, Math.trunc(n));
  const top: [number, number][] = [];
  if (count === 0) return top;
  for (const entry of vector) {
    if (top.length < count) top.push(entry);
    else if (heavier(entry, top[count - 1])) top[count - 1] = entry;
    else continue;
    for (let i = top.length - 1; i > 0 && heavier(top[i], top[i - 1]); i--) [top[i], top[i - 1]] = [top[i - 1], top[i]];
  }
  return top;
};
