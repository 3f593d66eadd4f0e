import { type ArticleRelation, type ArticleStep, type MergeStep, type ProjectionStep, type PublishedStoryEvent } from './project-event';

/** What the database holds about the ids a run of article events names (read before planning). */
export interface KnownRows {
  readonly appliedEventIds: ReadonlySet<string>;
  /** merged story id → the story that absorbed it */
  readonly aliases: ReadonlyMap<string, string>;
  /** article id → the story it is in */
  readonly articleStories: ReadonlyMap<string, string>;
}

export interface EventRow {
  readonly seq: number;
  readonly eventId: string;
  readonly storyId: string;
  readonly type: PublishedStoryEvent['type'];
  readonly at: string;
  readonly event: PublishedStoryEvent;
}

/** Upserted onto an existing story: title only if it has none, updatedAt only forward, lastEventId always. */
export interface StoryTouch {
  readonly storyId: string;
  readonly title: string | null;
  /** Used only when the story is new. */
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly lastEventId: string;
}

export interface ArticleRow {
  readonly articleId: string;
  readonly storyId: string;
  readonly relation: ArticleRelation;
  readonly title: string | null;
  readonly source: string | null;
  readonly url: string | null;
  readonly publishedAt: string | null;
  readonly joinedAt: string;
  readonly eventSeq: number;
}

export interface SegmentPlan {
  readonly events: readonly EventRow[];
  readonly stories: readonly StoryTouch[];
  /** Articles that are new or move to another story; the others stay as they are. */
  readonly articles: readonly ArticleRow[];
  /** Stories whose article counts change. */
  readonly touched: readonly string[];
  readonly duplicates: number;
  readonly lastSeq: number;
}

/**
 * A run of article events → the rows to write, the same rows applying them one by one would leave, so a run
 * costs a few set-based statements instead of several per event.
 * - An event id seen before (in the database or earlier in the run) is a redelivery: skipped, no sequence number.
 * - Events naming a merged story go to the story that absorbed it.
 * - An article lives in one story. Named again for the same story (a resend), nothing changes: it keeps its first
 *   relation. Named for another story (its old one had left the engine's window), the latest decision wins and it
 *   moves; both stories' counts change.
 */
export const planSegment = (steps: readonly ArticleStep[], known: KnownRows, lastSeq: number): SegmentPlan => {
  const applied = new Set(known.appliedEventIds);
  const articleStories = new Map(known.articleStories);
  const events: EventRow[] = [];
  const stories = new Map<string, StoryTouch>();
  const articles = new Map<string, ArticleRow>();
  const touched = new Set<string>();
  let seq = lastSeq;
  let duplicates = 0;
  for (const step of steps) {
    if (applied.has(step.eventId)) {
      duplicates++;
      continue;
    }
    applied.add(step.eventId);
    seq++;
    const storyId = known.aliases.get(step.storyId) ?? step.storyId;
    events.push({ seq, eventId: step.eventId, storyId, type: step.event.type, at: step.at, event: step.event });
    const story = stories.get(storyId);
    stories.set(
      storyId,
      story === undefined
        ? { storyId, title: step.title, createdAt: step.at, updatedAt: step.at, lastEventId: step.eventId }
        : { ...story, title: story.title ?? step.title, updatedAt: step.at > story.updatedAt ? step.at : story.updatedAt, lastEventId: step.eventId },
    );
    const current = articleStories.get(step.article.id);
    if (current === storyId) continue;
    if (current !== undefined) touched.add(current);
    touched.add(storyId);
    articleStories.set(step.article.id, storyId);
    const { article } = step;
    articles.set(article.id, {
      articleId: article.id,
      storyId,
      relation: step.relation,
      title: article.title ?? null,
      source: article.source ?? null,
      url: article.url ?? null,
      publishedAt: article.publishedAt ?? null,
      joinedAt: step.at,
      eventSeq: seq,
    });
  }
  return { events, stories: [...stories.values()], articles: [...articles.values()], touched: [...touched], duplicates, lastSeq: seq };
};

export type Run = { readonly kind: 'articles'; readonly steps: ArticleStep[] } | MergeStep;

/** Consecutive article steps form one run, planned together; each merge stands alone, since it reshapes what later steps name. */
export const splitRuns = (steps: readonly ProjectionStep[]): Run[] => {
  const runs: Run[] = [];
  for (const step of steps) {
    const last = runs[runs.length - 1];
    if (step.kind === 'merge') runs.push(step);
    else if (last?.kind === 'articles') last.steps.push(step);
    else runs.push({ kind: 'articles', steps: [step] });
  }
  return runs;
};
