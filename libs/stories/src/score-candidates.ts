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

/** Every story that owns a candidate article, scored against its centroid; best story first. */
export const scoreCandidates = (analyzed: AnalyzedArticle, state: StoryState): PairScore[] => {
  const { index, frequencies, config } = state;
  const idf = (id: number) => frequencies.idfOf(id);
  // A term no indexed article has used cannot retrieve anything, however heavy its IDF makes it. One pass over the
  // vector keeps the others with their ids, weights and counts.
  const { vector, counts } = analyzed;
  const seenTerms: number[] = [];
  const seenIds: number[] = [];
  const seenValues: number[] = [];
  const seenCounts: number[] = [];
  for (let i = 0; i < vector.terms.length; i++) {
    const id = frequencies.idOf(vector.terms[i]);
    if (id < 0) continue;
    seenTerms.push(vector.terms[i]);
    seenIds.push(id);
    seenValues.push(vector.weights[i]);
    seenCounts.push(counts[i]);
  }
  const seenWeights = new TermWeights(seenIds, seenValues);
  // Rare terms find rewrites; the article's most repeated terms find what was indexed while IDF was still young.
  const query = heaviest(seenTerms, seenValues, config.queryTerms);
  const inQuery = new Array<boolean>(seenTerms.length).fill(false);
  for (const at of query) inQuery[at] = true;
  for (const at of heaviest(seenTerms, seenCounts, config.queryTerms / 3)) {
    if (inQuery[at]) continue;
    inQuery[at] = true;
    query.push(at);
  }
  const lookup = query.map((at): [number, number] => [seenIds[at], seenValues[at]]);
  const salience = new TermWeights(analyzed.entitySalience.terms, analyzed.entitySalience.weights);
  const closest = new Map<string, Closest>();
  for (const { slot } of index.candidates(lookup, config.candidates, config.postingsPerTerm)) {
    const jaccard = index.jaccard(slot, analyzed.signature);
    const shared =
      jaccard < MIN_TRUSTED_JACCARD
        ? 0
        : Math.max(containment(jaccard, analyzed.shingles, index.shingles(slot)), containment(jaccard, index.shingles(slot), analyzed.shingles));
    const cosine = index.cosine(slot, seenWeights, idf);
    const storyId = index.storyId(slot);
    const best = closest.get(storyId);
    if (!best || shared > best.containment || (shared === best.containment && cosine > best.cosine)) {
      closest.set(storyId, { articleId: index.articleId(slot), jaccard, containment: shared, cosine, weekdays: index.weekdays(slot) });
    }
  }
  const weekdays = weekdayMask(analyzed.fingerprint.weekdays);
  const scores: PairScore[] = [];
  for (const [storyId, near] of closest) {
    const story = state.stories.get(storyId)!;
    const cosine = profileCosine(story.profile, seenWeights, frequencies);
    const overlap = profileEntityOverlap(story.profile, salience, story.articles, frequencies);
    const yearsApart = yearsApartOf(analyzed.fingerprint.year, story.years);
    // Two undated reports of one event name the same day for it, or the day after; a dated one the window places.
    const daysApart = weekdaysApart(weekdays, near.weekdays);
    const timeFactor =
      (yearsApart !== undefined && yearsApart >= config.distantYears ? config.distantYearsFactor : 1) *
      (daysApart !== undefined && daysApart >= config.distantWeekdays ? config.distantWeekdaysFactor : 1);
    scores.push({
      storyId,
      articleId: near.articleId,
      cosine,
      jaccard: near.jaccard,
      containment: near.containment,
      entityOverlap: overlap,
      ...(yearsApart === undefined ? {} : { yearsApart }),
      ...(daysApart === undefined ? {} : { weekdaysApart: daysApart }),
      score: combine(cosine, near.containment, overlap, timeFactor),
    });
  }
  return scores.sort((a, b) => b.score - a.score || (a.storyId < b.storyId ? -1 : 1));
};
