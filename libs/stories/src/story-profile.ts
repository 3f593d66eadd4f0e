import { tfWeight } from '@app/matching';

/** A story's centroid: summed sublinear term weights of its articles, pruned to its heaviest terms. */
export const PROFILE_TERMS = 256;

export interface StoryProfile {
  terms: Map<number, number>;
  entities: Map<number, number>;
}

export const newProfile = (): StoryProfile => ({ terms: new Map(), entities: new Map() });

type Idf = (term: number) => number;

/** Keeps the terms heaviest by TF-IDF, so a rare name outlives a common word the story used often. */
const prune = (weights: Map<number, number>, keep: number, idf: Idf): void => {
  if (weights.size <= keep * 2) return;
  const kept = [...weights.entries()]
    .map(([term, w]): [number, number, number] => [term, w, w * idf(term)])
    .sort((a, b) => b[2] - a[2] || a[0] - b[0])
    .slice(0, keep);
  weights.clear();
  for (const [term, weight] of kept) weights.set(term, weight);
};

export const addToProfile = (
  profile: StoryProfile,
  terms: ReadonlyArray<readonly [number, number]>,
  entities: readonly number[],
  idf: Idf,
): void => {
  for (const [term, count] of terms) profile.terms.set(term, (profile.terms.get(term) ?? 0) + tfWeight(count));
  for (const entity of entities) profile.entities.set(entity, (profile.entities.get(entity) ?? 0) + 1);
  prune(profile.terms, PROFILE_TERMS, idf);
  prune(profile.entities, PROFILE_TERMS / 4, idf);
};

export const mergeProfiles = (into: StoryProfile, other: StoryProfile, idf: Idf): void => {
  for (const [term, w] of other.terms) into.terms.set(term, (into.terms.get(term) ?? 0) + w);
  for (const [e, w] of other.entities) into.entities.set(e, (into.entities.get(e) ?? 0) + w);
  prune(into.terms, PROFILE_TERMS, idf);
  prune(into.entities, PROFILE_TERMS / 4, idf);
};

/** Cosine of a unit query vector with the centroid, weighted by today's IDF. */
export const profileCosine = (profile: StoryProfile, query: ReadonlyMap<number, number>, idf: Idf): number => {
  let dot = 0;
  let norm = 0;
  for (const [term, w] of profile.terms) {
    const weight = w * idf(term);
    norm += weight * weight;
    dot += weight * (query.get(term) ?? 0);
  }
  return norm === 0 ? 0 : dot / Math.sqrt(norm);
};

/**
 * Share of the newcomer's entity mass that the story has named, with the story's names weighted by how many of
 * its articles used them (a name every version carries is the story's; one mentioned once is a detail).
 */
export const profileEntityOverlap = (profile: StoryProfile, entities: readonly number[], articles: number, idf: Idf): number => {
  if (entities.length === 0 || profile.entities.size === 0) return 0;
  let shared = 0;
  let mass = 0;
  for (const entity of entities) {
    const w = idf(entity);
    mass += w;
    shared += w * Math.min(1, (profile.entities.get(entity) ?? 0) / Math.max(1, articles / 2));
  }
  return shared / mass;
};
