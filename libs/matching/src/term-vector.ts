const sublinear = (count: number): number => (count > 0 ? 1 + Math.log(count) : 0);
/** Counts are small integers, and the index reads one per stored term of every candidate: a table, not a log. */
const SMALL_COUNTS = Float64Array.from({ length: 256 }, (_, count) => sublinear(count));

/** Sublinear term frequency: the tenth "Russia" in an article says less than the first. */
export const tfWeight = (count: number): number => ((count & 255) === count ? SMALL_COUNTS[count] : sublinear(count));

/**
 * Terms (hashes) with a weight each, as parallel arrays in the order they were given. Plain arrays rather than a Map:
 * half of all term hashes (those from 2^31 up) are beyond V8's small integers, so as Map keys they are boxed numbers,
 * and every `for (const [term, weight] of map)` allocates an entry per term.
 */
export interface TermVector {
  terms: readonly number[];
  weights: readonly number[];
}

/** Unit-length TF-IDF vector of distinct terms and their counts, in their order (the order the norm sums in). */
export const tfidfVector = (terms: readonly number[], counts: ArrayLike<number>, idf: (term: number) => number): TermVector => {
  const weights = new Array<number>(terms.length);
  let norm = 0;
  for (let i = 0; i < terms.length; i++) {
    const weight = tfWeight(counts[i]) * idf(terms[i]);
    weights[i] = weight;
    norm += weight * weight;
  }
  const length = Math.sqrt(norm) || 1;
  for (let i = 0; i < weights.length; i++) weights[i] /= length;
  return { terms, weights };
};

/**
 * Positions of the `n` heaviest terms, heaviest first; ties broken by term hash so the choice is deterministic. A
 * selection rather than a sort of the whole vector: it picks a few dozen of a few hundred, several times per article.
 */
export const heaviest = (terms: ArrayLike<number>, weights: ArrayLike<number>, n: number): number[] => {
  const count = Math.max(0, Math.trunc(n));
  const top: number[] = [];
  if (count === 0) return top;
  const heavier = (a: number, b: number): boolean => weights[a] > weights[b] || (weights[a] === weights[b] && terms[a] < terms[b]);
  for (let position = 0; position < terms.length; position++) {
    if (top.length < count) top.push(position);
    else if (heavier(position, top[count - 1])) top[count - 1] = position;
    else continue;
    for (let i = top.length - 1; i > 0 && heavier(top[i], top[i - 1]); i--) [top[i], top[i - 1]] = [top[i - 1], top[i]];
  }
  return top;
};
