import { DEFAULT_INDEX_LIMITS, IndexLimits } from '@app/matching';

/** The unit operators set the window in. */
export const DAY_MS = 24 * 60 * 60 * 1000;

export interface EngineConfig {
  /** Articles older than this (event time) leave the index; memory follows the window. */
  windowMs: number;
  index: IndexLimits;
  /** Heaviest terms of a newcomer used to look up candidates. */
  queryTerms: number;
  /** Candidate articles scored exactly after the inverted-index pre-score. */
  candidates: number;
  /** How many of a query term's newest postings retrieval walks. The walk is most of the step at a million indexed
   * articles, and older postings of a common term rarely lift an article into the candidates; a decide-time
   * setting, since the index keeps every posting. */
  postingsPerTerm: number;
  /** A story whose best match scores at least this takes the article. */
  joinScore: number;
  /** A second story scoring at least this is the same story told twice: it is merged. */
  mergeScore: number;
  /** Shingle Jaccard at which two texts are the same text. */
  duplicateJaccard: number;
  /** Share of one text's shingles found verbatim in the other that makes it a wire copy: independent paraphrases
   * share under 6 % of their 5-grams (the seeds measure 0.1–6 %), an edited wire copy keeps far more. */
  syndicatedContainment: number;
  /** A passage whose term mass the story already holds at least this much is not new. */
  knownPassageCoverage: number;
  /** A paragraph at the edges of articles in this many different stories is boilerplate. */
  boilerplateStories: number;
  /** Reports this many years apart (Fingerprint.year) tell of two occurrences of one kind of event — two quakes on
   * one island, two title defences — unless one copies the other's text. */
  distantYears: number;
  /** Topical similarity to a story none of whose years is within `distantYears` of the newcomer's counts this much. */
  distantYearsFactor: number;
  /** Undated reports whose days of the week (Fingerprint.weekdays) are this many days apart or more, round the week,
   * tell of two occurrences: one event's reports name its day, or the day after. */
  distantWeekdays: number;
  /** Topical similarity of an undated newcomer to a story whose closest article is undated too and names days
   * `distantWeekdays` or more from the newcomer's counts this much. */
  distantWeekdaysFactor: number;
  /** Entities kept per newcomer for the overlap score. */
  entities: number;
  /** A term used by fewer than this share of all documents counted is rare: it is forgotten once no article in the
   * window uses it (and no live story holds it). */
  rareTermShare: number;
}

export const DEFAULT_ENGINE_CONFIG: EngineConfig = {
  windowMs: 7 * DAY_MS,
  index: DEFAULT_INDEX_LIMITS,
  queryTerms: 24,
  candidates: 40,
  postingsPerTerm: 2000,
  joinScore: 0.15,
  mergeScore: 0.5,
  duplicateJaccard: 0.9,
  syndicatedContainment: 0.15,
  knownPassageCoverage: 0.6,
  boilerplateStories: 3,
  distantYears: 2,
  distantYearsFactor: 0.7,
  distantWeekdays: 2,
  distantWeekdaysFactor: 0.7,
  entities: 24,
  rareTermShare: 1e-4,
};

/**
 * The settings `evolve` reads. Two configs that agree on them fold the same events into the same state; the others
 * (thresholds, candidate counts) only steer `decide`. So a snapshot stays good when an operator changes a
 * threshold: the state is the fold of the story log, whatever decided the events in it.
 */
export const foldSettings = ({
  windowMs,
  index,
  rareTermShare,
  boilerplateStories,
}: EngineConfig): Pick<EngineConfig, 'windowMs' | 'index' | 'rareTermShare' | 'boilerplateStories'> => ({
  windowMs,
  index,
  rareTermShare,
  // evolve stops recording a paragraph's stories once it counts this many.
  boilerplateStories,
});
