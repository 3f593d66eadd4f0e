/** Sublinear term frequency: the tenth "Russia" in an article says less than the first. */
export const tfWeight = (count: number): number => (count > 0 ? 1 + Math.log(count) : 0);

/** Unit-length TF-IDF vector of term counts. */
export const tfidfVector = (counts: ReadonlyMap<number, number>, idf: (term: number) => number): Map<number, number> => {
  const vector = new Map<number, number>();
  let norm = 0;
  for (const [term, count] of counts) {
    const weight = tfWeight(count) * idf(term);
    vector.set(term, weight);
    norm += weight * weight;
  }
  const length = Math.sqrt(norm) || 1;
  for (const [term, weight] of vector) vector.set(term, weight / length);
  return vector;
};

/** The `n` heaviest entries, heaviest first; ties broken by term hash so the choice is deterministic. */
export const heaviest = (vector: ReadonlyMap<number, number>, n: number): [number, number][] =>
  [...vector.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, n);
