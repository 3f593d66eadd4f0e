import { z } from 'zod';

export const RELATIONS = ['duplicate', 'syndicated', 'rewrite'] as const;
export const relationSchema = z.enum(RELATIONS);
export type Relation = z.infer<typeof relationSchema>;

/** What the read side needs to show an article without fetching it again. */
export const articleSummarySchema = z.object({
  id: z.string(),
  title: z.string().optional(),
  source: z.string().optional(),
  url: z.string().optional(),
  publishedAt: z.string().optional(),
});
export type ArticleSummary = z.infer<typeof articleSummarySchema>;

/**
 * The compact features of an indexed article. Events carry them so that folding the story log rebuilds the
 * matching index without the original text: the log alone is the truth.
 */
export const fingerprintSchema = z.object({
  /** Every hashed content term of the story paragraphs with its count (IDF and story vocabulary learn from it). */
  terms: z.array(z.tuple([z.number().int(), z.number().int().positive()])),
  /** Hashed keys of the paragraphs at the article's edges, where boilerplate lives; the stream learns repeats. */
  edges: z.array(z.number().int()),
  /** MinHash signature of the word shingles, for near-verbatim matching. */
  minhash: z.array(z.number().int()),
  /** Number of distinct shingles, to turn signature agreement into containment. */
  shingles: z.number().int().nonnegative(),
  /** Hashed named entities and numbers. */
  entities: z.array(z.number().int()),
  /** Event time in epoch milliseconds, for the window and time decay. */
  time: z.number(),
  /** The year the article is news in: its publication year, else the latest year its story text names. */
  year: z.number().int().optional(),
  /** The days of the week an undated article's story text names (ISO 8601: 1 Monday … 7 Sunday); absent for an
   * article with a publication time, which the time window already places. */
  weekdays: z.array(z.number().int().min(1).max(7)).max(7).optional(),
});
export type Fingerprint = z.infer<typeof fingerprintSchema>;

export const sharedPassageSchema = z.object({
  passage: z.string(),
  matchedIn: z.string().describe('id of the story article closest to the newcomer (the evidence\'s matchedArticleId)'),
  overlap: z
    .number()
    .describe("share of the passage's IDF-weighted terms that the story's articles have already used (the story vocabulary, a Bloom filter)"),
});

export const evidenceSchema = z.object({
  matchedArticleId: z.string(),
  score: z.number(),
  cosine: z.number(),
  containment: z.number(),
  entityOverlap: z.number(),
  /** Years between the article and the story's nearest year, when both have one: two or more weigh the topical score down. */
  yearsApart: z.number().int().nonnegative().optional(),
  /** Days between the days of the week the article and the matched article name (0–3, round the week), when both are
   * undated and name one: two or more weigh the topical score down. */
  weekdaysApart: z.number().int().min(0).max(3).optional(),
  sharedPassages: z.array(sharedPassageSchema),
  candidates: z.array(z.object({ storyId: z.string(), articleId: z.string(), score: z.number() })),
});
export type Evidence = z.infer<typeof evidenceSchema>;

export const SET_ASIDE_ROLES = ['chrome', 'repeated', 'appended'] as const;
/** An event shows the start of a set-aside paragraph and lists at most this many: enough to see what was left out,
 * while an event stays far below the story log's record limit whatever the page around the article held. */
export const SET_ASIDE_TEXT_CHARS = 500;
export const SET_ASIDE_PARAGRAPHS = 100;

export const setAsideParagraphSchema = z.object({
  paragraph: z.number().int().nonnegative().describe('position of the paragraph in the article body, from 0, as the engine segmented it'),
  role: z
    .enum(SET_ASIDE_ROLES)
    .describe(
      'chrome: page furniture at the edges; repeated: boilerplate the stream has seen in several stories; appended: trailing content the engine judged off the lead\'s topic',
    ),
  text: z.string().max(SET_ASIDE_TEXT_CHARS).describe(`the paragraph's text, its first ${SET_ASIDE_TEXT_CHARS} characters when longer`),
  length: z.number().int().nonnegative().describe("the whole paragraph's length in characters"),
});
export type SetAsideParagraph = z.infer<typeof setAsideParagraphSchema>;

/** Paragraphs the engine did not take as the article's story, so matching ignored them. Absent from events written
 * before the engine reported them. */
const setAside = z
  .array(setAsideParagraphSchema)
  .max(SET_ASIDE_PARAGRAPHS)
  .optional()
  .describe(`paragraphs the engine did not take as the article's story, so matching ignored them; the first ${SET_ASIDE_PARAGRAPHS} in body order`);

const base = {
  storyId: z.string().min(1),
  eventId: z.string().min(1),
  at: z.iso.datetime({ offset: true }),
};

export const storyStartedSchema = z.object({
  type: z.literal('StoryStarted'),
  ...base,
  articleId: z.string().min(1),
  article: articleSummarySchema,
  setAside,
  fingerprint: fingerprintSchema,
});

export const storyUpdatedSchema = z.object({
  type: z.literal('StoryUpdated'),
  ...base,
  articleId: z.string().min(1),
  article: articleSummarySchema,
  relation: relationSchema,
  newPassages: z.array(z.string()),
  evidence: evidenceSchema,
  setAside,
  fingerprint: fingerprintSchema,
});

export const storiesMergedSchema = z.object({
  type: z.literal('StoriesMerged'),
  ...base,
  mergedStoryIds: z.array(z.string().min(1)).min(1),
});

export const storyEventSchema = z.discriminatedUnion('type', [storyStartedSchema, storyUpdatedSchema, storiesMergedSchema]);

export type StoryStarted = z.infer<typeof storyStartedSchema>;
export type StoryUpdated = z.infer<typeof storyUpdatedSchema>;
export type StoriesMerged = z.infer<typeof storiesMergedSchema>;
export type StoryEvent = z.infer<typeof storyEventSchema>;
