import { type ArticleRelation, type PublishedStoryEvent } from '../projection/project-event';
import { type StoryArticleRow, type StoryEventRow, type StoryRow } from './story-rows';

export interface StoryView {
  readonly id: string;
  /** The title of the first article that had one; null when none had. */
  readonly title: string | null;
  readonly articleCount: number;
  readonly relations: { readonly duplicate: number; readonly syndicated: number; readonly rewrite: number };
  /** Event times (the story's first and latest event), not projection times. */
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly lastEventId: string;
}

export interface StoryArticleView {
  readonly id: string;
  readonly relation: ArticleRelation;
  readonly title?: string;
  readonly source?: string;
  readonly url?: string;
  readonly publishedAt?: string;
  readonly joinedAt: string;
}

/** A story event as published (minus the engine fingerprint), with its projection sequence number. */
export type TimelineEntryView = { readonly seq: number } & PublishedStoryEvent;

export interface StoryDetailView extends StoryView {
  /** Stories merged into this one; their ids redirect here. */
  readonly mergedStoryIds: readonly string[];
  /** The articles placed by this page's events, in the order they joined. */
  readonly articles: readonly StoryArticleView[];
  /** One page of the story's events, in log order. */
  readonly timeline: readonly TimelineEntryView[];
  /** Pass as `after` for the next page; null on the last. */
  readonly nextAfter: number | null;
}

export interface ArticleStoryView {
  readonly articleId: string;
  readonly relation: ArticleRelation;
  readonly joinedAt: string;
  readonly story: StoryView;
}

export const storyView = (row: StoryRow): StoryView => ({
  id: row.story_id,
  title: row.title,
  articleCount: row.article_count,
  relations: { duplicate: row.duplicate_count, syndicated: row.syndicated_count, rewrite: row.rewrite_count },
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
  lastEventId: row.last_event_id,
});

export const storyArticleView = (row: StoryArticleRow): StoryArticleView => ({
  id: row.article_id,
  relation: row.relation,
  ...(row.title === null ? {} : { title: row.title }),
  ...(row.source === null ? {} : { source: row.source }),
  ...(row.url === null ? {} : { url: row.url }),
  ...(row.published_at === null ? {} : { publishedAt: row.published_at }),
  joinedAt: row.joined_at.toISOString(),
});

export const timelineEntryView = (row: StoryEventRow): TimelineEntryView => ({ seq: Number(row.seq), ...row.event });
