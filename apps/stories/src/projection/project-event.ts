import { type ArticleSummary, type Relation, type StoryEvent } from '@app/contracts';

/** How an article sits in its story: the one that started it, or how it relates to what was there. */
export type ArticleRelation = 'origin' | Relation;

type WithoutFingerprint<E> = E extends unknown ? Omit<E, 'fingerprint'> : never;
/**
 * A story event as the read side keeps and serves it. The fingerprint is the engine's index features (hashes and
 * a MinHash signature): meaningless to readers, and the story log in Kafka keeps it for the engine.
 */
export type PublishedStoryEvent = WithoutFingerprint<StoryEvent>;

interface StepBase {
  readonly eventId: string;
  /** The story the event names; merge aliases resolve it to the story that holds it now. */
  readonly storyId: string;
  /** Event time, UTC to the millisecond: what JavaScript dates hold, so a cursor round-trips exactly. */
  readonly at: string;
  readonly event: PublishedStoryEvent;
}

/** StoryStarted or StoryUpdated: the story is created or moves on, and the article joins it. */
export interface ArticleStep extends StepBase {
  readonly kind: 'article';
  /** Fills the story's title if it has none yet. */
  readonly title: string | null;
  readonly article: ArticleSummary;
  readonly relation: ArticleRelation;
}

/** StoriesMerged: the survivor moves on and takes in the others (never itself, each once). */
export interface MergeStep extends StepBase {
  readonly kind: 'merge';
  readonly mergedStoryIds: readonly string[];
}

export type ProjectionStep = ArticleStep | MergeStep;

/** event → what it does to the read model. Pure: no clock, no database. */
export const projectEvent = (event: StoryEvent): ProjectionStep => {
  const base = { eventId: event.eventId, storyId: event.storyId, at: new Date(event.at).toISOString() };
  if (event.type === 'StoriesMerged') {
    const mergedStoryIds = [...new Set(event.mergedStoryIds)].filter((id) => id !== event.storyId);
    return { ...base, kind: 'merge', event, mergedStoryIds };
  }
  const { fingerprint: _fingerprint, ...published } = event;
  return {
    ...base,
    kind: 'article',
    event: published,
    title: event.article.title ?? null,
    // The event's articleId is the contract field; the summary's id repeats it.
    article: { ...event.article, id: event.articleId },
    relation: event.type === 'StoryStarted' ? 'origin' : event.relation,
  };
};
