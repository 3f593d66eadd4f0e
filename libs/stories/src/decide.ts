import { Article, ArticleSummary, Evidence, Relation, StoryEvent } from '@app/contracts';
import { analyzeArticle, AnalyzedArticle, setAsideParagraphs } from './analyze-article';
import { newPassages, Passage, passagesAgainst, sharedPassages } from './passages';
import { PairScore, scoreAgainstOwnVersion, scoreCandidates } from './score-candidates';
import { eventIdFor, newStoryId } from './story-ids';
import { StoryState } from './story-state';

/** Where and when the input came from; the shell supplies it, the core never reads a clock. */
export interface DecisionContext {
  /** Event time, epoch milliseconds (the article's publishedAt, else the record's timestamp). */
  at: number;
  /** Unique per input record (e.g. topic-partition-offset): event and story ids derive from it. */
  eventKey: string;
}

export interface Assessment {
  analyzed: AnalyzedArticle;
  ranked: PairScore[];
  /** The story taking the article, or none for a new story. */
  match?: PairScore;
  relation?: Relation;
  mergeWith: string[];
}

const summarize = (article: Article): ArticleSummary => ({
  id: article.id,
  ...(article.title === undefined ? {} : { title: article.title }),
  ...(article.source === undefined ? {} : { source: article.source }),
  ...(article.url === undefined ? {} : { url: article.url }),
  ...(article.publishedAt === undefined ? {} : { publishedAt: article.publishedAt }),
});

const relationOf = (match: PairScore, state: StoryState): Relation => {
  if (match.jaccard >= state.config.duplicateJaccard) return 'duplicate';
  if (match.containment >= state.config.syndicatedContainment) return 'syndicated';
  return 'rewrite';
};

/** An article the window does not hold, against every candidate story: the best, its relation, and the stories it
 * proves the same. */
export const assess = (article: Article, state: StoryState, at: number): Assessment => {
  const analyzed = analyzeArticle(article, state, at);
  const ranked = scoreCandidates(analyzed, state);
  const best = ranked[0];
  if (!best || best.score < state.config.joinScore) return { analyzed, ranked, mergeWith: [] };
  const mergeWith = ranked.slice(1).filter((p) => p.score >= state.config.mergeScore).map((p) => p.storyId);
  return { analyzed, ranked, match: best, relation: relationOf(best, state), mergeWith };
};

const evidenceOf = (assessment: Assessment, passages: readonly Passage[], state: StoryState): Evidence => {
  const match = assessment.match!;
  return {
    matchedArticleId: match.articleId,
    score: match.score,
    cosine: match.cosine,
    containment: match.containment,
    entityOverlap: match.entityOverlap,
    ...(match.yearsApart === undefined ? {} : { yearsApart: match.yearsApart }),
    ...(match.weekdaysApart === undefined ? {} : { weekdaysApart: match.weekdaysApart }),
    sharedPassages: sharedPassages(passages, state, match),
    candidates: assessment.ranked.slice(0, 5).map((p) => ({ storyId: p.storyId, articleId: p.articleId, score: p.score })),
  };
};

/**
 * An id the window already holds, sent again: a redelivery, or a corrected version. The article stays in its story
 * (an article is in one story), and the event measures the new text against the version indexed then: unchanged
 * text is a duplicate, an edited one a copy or a rewrite whose new passages show what changed.
 */
const resend = (article: Article, slot: number, state: StoryState, at: number): Assessment => {
  const analyzed = analyzeArticle(article, state, at);
  const match = scoreAgainstOwnVersion(analyzed, state, slot);
  return { analyzed, ranked: [match], match, relation: relationOf(match, state), mergeWith: [] };
};

/** The reasoning behind a decision, which `decide` turns into events and `explain` prints: a resend's when the window
 * holds the article's id, else the full assessment. */
export const reasoning = (article: Article, state: StoryState, at: number): Assessment => {
  const indexed = state.articleSlots.get(article.id);
  return indexed === undefined ? assess(article, state, at) : resend(article, indexed, state, at);
};

/**
 * decide(article, state) → events. Exactly one StoryStarted or StoryUpdated names the article, possibly followed
 * by a StoriesMerged when the article proves two stories are one.
 */
export const decide = (article: Article, state: StoryState, context: DecisionContext): StoryEvent[] => {
  const assessment = reasoning(article, state, context.at);
  const at = new Date(context.at).toISOString();
  const { analyzed, match, relation } = assessment;
  if (!match || !relation) {
    return [
      {
        type: 'StoryStarted',
        storyId: newStoryId(article.id, context.eventKey),
        eventId: eventIdFor(context.eventKey, 0),
        at,
        articleId: article.id,
        article: summarize(article),
        setAside: setAsideParagraphs(analyzed.paragraphs),
        fingerprint: analyzed.fingerprint,
      },
    ];
  }
  const passages = passagesAgainst(analyzed, state, match.storyId);
  const events: StoryEvent[] = [
    {
      type: 'StoryUpdated',
      storyId: match.storyId,
      eventId: eventIdFor(context.eventKey, 0),
      at,
      articleId: article.id,
      article: summarize(article),
      relation,
      newPassages: relation === 'rewrite' ? newPassages(passages, state) : [],
      evidence: evidenceOf(assessment, passages, state),
      setAside: setAsideParagraphs(analyzed.paragraphs),
      fingerprint: analyzed.fingerprint,
    },
  ];
  if (assessment.mergeWith.length > 0) {
    events.push({ type: 'StoriesMerged', storyId: match.storyId, eventId: eventIdFor(context.eventKey, 1), at, mergedStoryIds: assessment.mergeWith });
  }
  return events;
};
