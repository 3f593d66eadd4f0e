import { DocumentFrequencies, ensureCapacity, TermWeights, tfWeight } from '@app/matching';

/** A story's centroid: summed sublinear term weights of its articles, pruned to its heaviest terms. */
export const PROFILE_TERMS = 256;

export interface StoryProfile {
  /**
   * Term ids (DocumentFrequencies) and their summed weights, the first `size` entries of the arrays. The order is
   * part of the state: new terms append and a prune rewrites heaviest first, and every cosine sums in this order,
   * so a live run, a replay and a restored snapshot agree to the last bit.
   */
  termIds: Uint32Array;
  termWeights: Float64Array;
  size: number;
  entities: Map<number, number>;
}

export const newProfile = (): StoryProfile => ({ termIds: new Uint32Array(0), termWeights: new Float64Array(0), size: 0, entities: new Map() });

/** The profile's terms as [term hash, weight] in profile order: the snapshot form. */
export const profileTerms = (profile: StoryProfile, frequencies: DocumentFrequencies): [number, number][] =>
  Array.from({ length: profile.size }, (_, i): [number, number] => [frequencies.termOf(profile.termIds[i]), profile.termWeights[i]]);

/**
 * A profile holds its term ids in the document frequencies (`hold`), so a term a live story still weighs is never
 * forgotten and its id never given to another term. Every term entering a profile is held once and released once
 * when it leaves: pruned, or with the whole profile (`releaseProfile`) when its story is evicted or merged away.
 */
export const profileOf = (terms: readonly (readonly [number, number])[], entities: Map<number, number>, frequencies: DocumentFrequencies): StoryProfile => {
  const termIds = Uint32Array.from(terms, ([term]) => frequencies.idOf(term));
  termIds.forEach((id) => frequencies.hold(id));
  return { termIds, termWeights: Float64Array.from(terms, ([, weight]) => weight), size: terms.length, entities };
};

/** Releases every term the profile holds: its story is leaving the state. */
export const releaseProfile = (profile: StoryProfile, frequencies: DocumentFrequencies): void => {
  for (let i = 0; i < profile.size; i++) frequencies.release(profile.termIds[i]);
};

/**
 * Adds weights to the profile's terms: existing terms in place, new ones appended in the order given (the order a
 * Map would keep). The additions are looked up in a small table rather than the profile, which can hold 512 terms.
 */
const addWeights = (profile: StoryProfile, ids: ArrayLike<number>, weights: ArrayLike<number>, frequencies: DocumentFrequencies): void => {
  const adding = new TermWeights(ids, weights);
  const found = new Array<boolean>(ids.length).fill(false);
  let added = ids.length;
  for (let i = 0; i < profile.size; i++) {
    const at = adding.positionOf(profile.termIds[i]);
    if (at < 0) continue;
    profile.termWeights[i] += weights[at];
    found[at] = true;
    added--;
  }
  profile.termIds = ensureCapacity(profile.termIds, profile.size + added, Uint32Array);
  profile.termWeights = ensureCapacity(profile.termWeights, profile.size + added, Float64Array);
  for (let at = 0; at < ids.length; at++) {
    if (found[at]) continue;
    frequencies.hold(ids[at]);
    profile.termIds[profile.size] = ids[at];
    profile.termWeights[profile.size] = weights[at];
    profile.size++;
  }
};

/**
 * Keeps the terms heaviest by TF-IDF, so a rare name outlives a common word the story used often. Sorts positions
 * over typed columns rather than a tuple per term; term hashes are distinct, so the order is total either way.
 */
const pruneTerms = (profile: StoryProfile, frequencies: DocumentFrequencies): void => {
  const size = profile.size;
  if (size <= PROFILE_TERMS * 2) return;
  const ids = profile.termIds.slice(0, size);
  const weights = profile.termWeights.slice(0, size);
  const hashes = new Uint32Array(size);
  const scores = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    hashes[i] = frequencies.termOf(ids[i]);
    scores[i] = weights[i] * frequencies.idfOf(ids[i]);
  }
  const order = new Uint32Array(size);
  for (let i = 0; i < size; i++) order[i] = i;
  order.sort((a, b) => scores[b] - scores[a] || hashes[a] - hashes[b]);
  for (let i = 0; i < PROFILE_TERMS; i++) {
    profile.termIds[i] = ids[order[i]];
    profile.termWeights[i] = weights[order[i]];
  }
  for (let i = PROFILE_TERMS; i < size; i++) frequencies.release(ids[order[i]]);
  profile.size = PROFILE_TERMS;
};

const pruneEntities = (weights: Map<number, number>, keep: number, frequencies: DocumentFrequencies): void => {
  if (weights.size <= keep * 2) return;
  const kept = [...weights.entries()]
    .map(([entity, w]): [number, number, number] => [entity, w, w * frequencies.idf(entity)])
    .sort((a, b) => b[2] - a[2] || a[0] - b[0])
    .slice(0, keep);
  weights.clear();
  for (const [entity, weight] of kept) weights.set(entity, weight);
};

/** `ids` are the terms' ids (DocumentFrequencies), in `terms` order: indexing adds the article's terms first. */
export const addToProfile = (
  profile: StoryProfile,
  ids: readonly number[],
  terms: ReadonlyArray<readonly [number, number]>,
  entities: readonly number[],
  frequencies: DocumentFrequencies,
): void => {
  addWeights(profile, ids, terms.map(([, count]) => tfWeight(count)), frequencies);
  for (const entity of entities) profile.entities.set(entity, (profile.entities.get(entity) ?? 0) + 1);
  pruneTerms(profile, frequencies);
  pruneEntities(profile.entities, PROFILE_TERMS / 4, frequencies);
};

export const mergeProfiles = (into: StoryProfile, other: StoryProfile, frequencies: DocumentFrequencies): void => {
  addWeights(into, other.termIds.subarray(0, other.size), other.termWeights.subarray(0, other.size), frequencies);
  for (const [e, w] of other.entities) into.entities.set(e, (into.entities.get(e) ?? 0) + w);
  pruneTerms(into, frequencies);
  pruneEntities(into.entities, PROFILE_TERMS / 4, frequencies);
};

/** Cosine of a unit query vector with the centroid, weighted by today's IDF. */
export const profileCosine = (profile: StoryProfile, query: TermWeights, frequencies: DocumentFrequencies): number => {
  let dot = 0;
  let norm = 0;
  for (let i = 0; i < profile.size; i++) {
    const id = profile.termIds[i];
    const weight = profile.termWeights[i] * frequencies.idfOf(id);
    norm += weight * weight;
    dot += weight * query.weightOf(id);
  }
  return norm === 0 ? 0 : dot / Math.sqrt(norm);
};

/**
 * How far the newcomer and the story are about the same people, places and numbers, read both ways: the share of
 * the newcomer's salient names the story carries, and the share of the story's names (weighted by how many of its
 * articles used them: a name every version carries is the story's, one mentioned once is a detail) that the newcomer
 * carries. Two rehab check-ins share the clinic and the verb; only one direction fails for a brief, both fail for
 * a different protagonist, so the geometric mean keeps the brief and drops the other event.
 */
export const profileEntityOverlap = (
  profile: StoryProfile,
  salience: TermWeights,
  articles: number,
  frequencies: DocumentFrequencies,
): number => {
  if (salience.size === 0 || profile.entities.size === 0) return 0;
  // A name's share of the story: in how many of its articles it appears, against half of them.
  const half = Math.max(1, articles / 2);
  // One walk over the story's names serves both directions: the newcomer's side reads the counts it met here
  // instead of a Map lookup per salient name, and still sums in salience order.
  const counts = new Array<number>(salience.size).fill(0);
  let found = 0;
  let storyMass = 0;
  profile.entities.forEach((count, entity) => {
    const weight = Math.min(1, count / half) * frequencies.idf(entity);
    storyMass += weight;
    const at = salience.positionOf(entity);
    if (at < 0) return;
    found += weight;
    counts[at] = count;
  });
  let carried = 0;
  let mass = 0;
  for (let i = 0; i < salience.size; i++) {
    const weight = salience.weights[i];
    mass += weight;
    carried += weight * Math.min(1, counts[i] / half);
  }
  return storyMass === 0 ? 0 : Math.sqrt((carried / mass) * (found / storyMass));
};
