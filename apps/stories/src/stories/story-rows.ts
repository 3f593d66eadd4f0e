import { type ArticleRelation, type PublishedStoryEvent } from '../projection/project-event';

/** Rows as both adapters return them: timestamptz as Date; bigint as a string (pg) or a number (PGlite). */
export interface StoryRow {
  story_id: string;
  title: string | null;
  article_count: number;
  duplicate_count: number;
  syndicated_count: number;
  rewrite_count: number;
  created_at: Date;
  updated_at: Date;
  last_event_id: string;
}

export interface StoryArticleRow {
  article_id: string;
  story_id: string;
  relation: ArticleRelation;
  title: string | null;
  source: string | null;
  url: string | null;
  published_at: string | null;
  joined_at: Date;
}

export interface StoryEventRow {
  seq: string | number;
  type: PublishedStoryEvent['type'];
  event: PublishedStoryEvent;
}
