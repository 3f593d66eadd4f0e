/**
 * IDF-weighted overlap coefficient of two entity sets: the share of the smaller set's name mass that the other
 * also mentions. Overlap, not Jaccard, because a short brief names fewer people than the long original.
 */
export const entityOverlap = (a: ArrayLike<number>, b: ArrayLike<number>, idf: (term: number) => number): number => {
  if (a.length === 0 || b.length === 0) return 0;
  const inB = new Set<number>(Array.from(b));
  let shared = 0;
  let massA = 0;
  let massB = 0;
  for (let i = 0; i < a.length; i++) {
    const w = idf(a[i]);
    massA += w;
    if (inB.has(a[i])) shared += w;
  }
  for (let i = 0; i < b.length; i++) massB += idf(b[i]);
  return shared / Math.min(massA, massB);
};
