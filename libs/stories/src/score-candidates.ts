import { containment, heaviest, TermWeights } from '@app/matching';
import { weekdayMask, weekdaysApart } from '@app/text';
import { AnalyzedArticle } from './analyze-article';
import { profileCosine, profileEntityOverlap } from './story-profile';
import { StoryState } from './story-state';

export interface PairScore {
  storyId: string;
  /** The story's article closest to the newcomer. */
  articleId: string;
  /** Cosine with the story's centroid. */
  cosine: number;
  /** Shingle Jaccard with the closest article. */
  jaccard: number;
  /** The larger of the two directed containments: a trimmed copy is contained in its original and vice versa. */
  containment: number;
  entityOverlap: number;
  /** Years between the newcomer and the story's nearest year; absent when either has none. */
  yearsApart?: number;
  /** Days between the days of the week the newcomer and the closest article name (0–3, round the week); absent unless
   * both are undated and name one. */
  weekdaysApart?: number;
  score: number;
}

/**
 * Same-story evidence. Verbatim reuse settles it on its own; otherwise topical similarity counts only as far as
 * the two also name the same people, places and numbers — two earthquakes share their vocabulary, not their
 * epicentre — and less when time sets them apart (`timeFactor`: distant years, distant days of the week).
 */
export const combine = (cosine: number, sharedText: number, entities: number, timeFactor: number): number =>
  Math.max(sharedText, cosine * (0.5 + entities) * timeFactor);

const yearsApartOf = (year: number | undefined, storyYears: readonly number[]): number | undefined => {
  if (year === undefined || storyYears.length === 0) return undefined;
  let gap = Number.POSITIVE_INFINITY;
  for (const storyYear of storyYears) gap = Math.min(gap, Math.abs(storyYear - year));
  return gap;
};

/**
 * Below a few agreeing MinHash slots the Jaccard estimate is noise, and containment would blow that noise up by the
 * size ratio of a short brief and a long original.
 */
const MIN_TRUSTED_JACCARD = 5 / 128;

interface Closest {
  articleId: string;
  jaccard: number;
  containment: number;
  cosine: number;
  weekdays: number;
}

/** The newcomer as scoring reads it: its terms the vocabulary knows, by id, and its entities by salience. */
interface Query {
  weights: TermWeights;
  salience: TermWeights;
  weekdays: number;
  /** Today's IDF by term id, which the candidates' cosines weigh their terms with. */
  idf: (id: number) => number;
}

/** How close one indexed article is: shared shingles (Jaccard, containment either way) and cosine. */
const closenessTo = (slot: number, analyzed: AnalyzedArticle, query: Query, state: StoryState): Closest => {
  const { index } = state;
  const jaccard = index.jaccard(slot, analyzed.signature);
  const shared =
    jaccard < MIN_TRUSTED_JACCARD
      ? 0
      : Math.max(containment(jaccard, analyzed.shingles, index.shingles(slot)), containment(jaccard, index.shingles(slot), analyzed.shingles));
  const cosine = index.cosine(slot, query.weights, query.idf);
  return { articleId: index.articleId(slot), jaccard, containment: shared, cosine, weekdays: index.weekdays(slot) };
};

/** A story against the newcomer: its centroid's cosine and entity overlap, time, and its closest article's shingles. */
const scoreStory = (storyId: string, near: Closest, analyzed: AnalyzedArticle, query: Query, state: StoryState): PairScore => {
  const { frequencies, config } = state;
  const story = state.stories.get(storyId)!;
  const cosine = profileCosine(story.profile, query.weights, frequencies);
  const overlap = profileEntityOverlap(story.profile, query.salience, story.articles, frequencies);
  const yearsApart = yearsApartOf(analyzed.fingerprint.year, story.years);
  // Two undated reports of one event name the same day for it, or the day after; a dated one the window places.
  const daysApart = weekdaysApart(query.weekdays, near.weekdays);
  const timeFactor =
    (yearsApart !== undefined && yearsApart >= config.distantYears ? config.distantYearsFactor : 1) *
    (daysApart !== undefined && daysApart >= config.distantWeekdays ? config.distantWeekdaysFactor : 1);
  return {
    storyId,
    articleId: near.articleId,
    cosine,
    jaccard: near.jaccard,
    containment: near.containment,
    entityOverlap: overlap,
    ...(yearsApart === undefined ? {} : { yearsApart }),
    ...(daysApart === undefined ? {} : { weekdaysApart: daysApart }),
    score: combine(cosine, near.containment, overlap, timeFactor),
  };
};

/** The newcomer's terms some indexed article has used, with their ids, weights and counts, in vector order. */
interface KnownTerms {
  terms: number[];
  ids: number[];
  weights: number[];
  counts: number[];
}

/** A term no indexed article has used cannot retrieve anything, however heavy its IDF makes it: the vector's other
 * terms, in one pass. */
const knownTerms = (analyzed: AnalyzedArticle, state: StoryState): KnownTerms => {
  const { vector, counts } = analyzed;
  const known: KnownTerms = { terms: [], ids: [], weights: [], counts: [] };
  for (let i = 0; i < vector.terms.length; i++) {
    const id = state.frequencies.idOf(vector.terms[i]);
    if (id < 0) continue;
    known.terms.push(vector.terms[i]);
    known.ids.push(id);
    known.weights.push(vector.weights[i]);
    known.counts.push(counts[i]);
  }
  return known;
};

const queryOf = (analyzed: AnalyzedArticle, known: KnownTerms, state: StoryState): Query => ({
  weights: new TermWeights(known.ids, known.weights),
  salience: new TermWeights(analyzed.entitySalience.terms, analyzed.entitySalience.weights),
  weekdays: weekdayMask(analyzed.fingerprint.weekdays),
  idf: (id) => state.frequencies.idfOf(id),
});

/** Every story that owns a candidate article, scored against its centroid; best story first. */
export const scoreCandidates = (analyzed: AnalyzedArticle, state: StoryState): PairScore[] => {
  const { index, config } = state;
  const known = knownTerms(analyzed, state);
  const query = queryOf(analyzed, known, state);
  // Rare terms find rewrites; the article's most repeated terms find what was indexed while IDF was still young.
  const lookupAt = heaviest(known.terms, known.weights, config.queryTerms);
  const inQuery = new Array<boolean>(known.terms.length).fill(false);
  for (const at of lookupAt) inQuery[at] = true;
  for (const at of heaviest(known.terms, known.counts, config.queryTerms / 3)) {
    if (inQuery[at]) continue;
    inQuery[at] = true;
    lookupAt.push(at);
  }
  const lookup = lookupAt.map((at): [number, number] => [known.ids[at], known.weights[at]]);
  const closest = new Map<string, Closest>();
  for (const { slot } of index.candidates(lookup, config.candidates, config.postingsPerTerm)) {
    const near = closenessTo(slot, analyzed, query, state);
    const storyId = index.storyId(slot);
    const best = closest.get(storyId);
    if (!best || near.containment > best.containment || (near.containment === best.containment && near.cosine > best.cosine)) closest.set(storyId, near);
  }
  const scores = [...closest].map(([storyId, near]) => scoreStory(storyId, near, analyzed, query, state));
  return scores.sort((a, b) => b.score - a.score || (a.storyId < b.storyId ? -1 : 1));
};

/** An article sent again under an id the window holds, measured against the version indexed then and its story. */
export const scoreAgainstOwnVersion = (analyzed: AnalyzedArticle, state: StoryState, slot: number): PairScore => {
  const query = queryOf(analyzed, knownTerms(analyzed, state), state);
  return scoreStory(state.index.storyId(slot), closenessTo(slot, analyzed, query, state), analyzed, query, state);
};
