/** What the index keeps of one article: enough to score it against newcomers, and nothing of its text. */
export interface ArticleFeatures {
  /** Heaviest terms (by TF-IDF when indexed) as the caller's term ids, with their raw counts in the article. */
  terms: number[];
  counts: number[];
  minhash: number[];
  shingles: number;
  /** Heaviest entity hashes (names, numbers). */
  entities: number[];
  /** Event time, epoch milliseconds. */
  time: number;
  /** The days of the week an undated article names, as a 7-bit set (0 for none, and for every dated article). */
  weekdays: number;
}

export interface IndexLimits {
  termsPerArticle: number;
  entitiesPerArticle: number;
}

export const DEFAULT_INDEX_LIMITS: IndexLimits = { termsPerArticle: 48, entitiesPerArticle: 24 };
