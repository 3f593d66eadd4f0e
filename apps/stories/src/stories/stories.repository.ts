import { Inject, Injectable } from '@nestjs/common';
import { type Database, DATABASE, type Queryable } from '../database/database';
import { isStorableId } from '../database/storable-ids';
import { type ListStoriesQuery } from './list-stories.query';
import { type StoryDetailQuery } from './story-detail.query';
import { type StoryArticleRow, type StoryEventRow, type StoryRow } from './story-rows';

const STORY_COLUMNS = 'story_id, title, article_count, duplicate_count, syndicated_count, rewrite_count, created_at, updated_at, last_event_id';
const ARTICLE_COLUMNS = 'article_id, story_id, relation, title, source, url, published_at, joined_at';

export type StoryLookup =
  | {
      kind: 'story';
      story: StoryRow;
      mergedStoryIds: string[];
      articles: StoryArticleRow[];
      timeline: StoryEventRow[];
      /** The last seq of this page when the timeline goes on past it. */
      nextAfter: number | null;
    }
  | { kind: 'merged'; survivorId: string }
  | { kind: 'unknown' };

const findStory = async (db: Queryable, storyId: string): Promise<StoryRow | undefined> =>
  (await db.query<StoryRow>(`SELECT ${STORY_COLUMNS} FROM stories WHERE story_id = $1`, [storyId]))[0];

/** The read queries of the REST API; the projection is the only writer. */
@Injectable()
export class StoriesRepository {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  /** Newest update first, ties by id; one row more than asked for, so the caller knows whether a page follows. */
  listStories({ since, cursor, limit }: ListStoriesQuery): Promise<StoryRow[]> {
    return this.db.query<StoryRow>(
      `SELECT ${STORY_COLUMNS} FROM stories
       WHERE ($1::timestamptz IS NULL OR updated_at >= $1::timestamptz)
         AND ($2::timestamptz IS NULL OR (updated_at, story_id) < ($2::timestamptz, $3::text))
       ORDER BY updated_at DESC, story_id DESC
       LIMIT $4`,
      [since ?? null, cursor?.updatedAt ?? null, cursor?.id ?? null, limit + 1],
    );
  }

  /**
   * A story with a page of its timeline (its events and those of the stories merged into it, in log order: `limit`
   * of them after seq `after`) and the articles those events placed (in the order they joined), read from one
   * snapshot so a batch committing meanwhile cannot split the answer. A story of thousands of articles is read a
   * page at a time rather than in one answer of megabytes.
   */
  storyDetail(storyId: string, { after, limit }: StoryDetailQuery): Promise<StoryLookup> {
    if (!isStorableId(storyId)) return Promise.resolve({ kind: 'unknown' });
    return this.snapshot(async (db) => {
      const story = await findStory(db, storyId);
      if (story === undefined) {
        const [alias] = await db.query<{ story_id: string }>('SELECT story_id FROM story_aliases WHERE merged_story_id = $1', [storyId]);
        return alias === undefined ? { kind: 'unknown' } : { kind: 'merged', survivorId: alias.story_id };
      }
      const merged = await db.query<{ merged_story_id: string }>(
        'SELECT merged_story_id FROM story_aliases WHERE story_id = $1 ORDER BY event_seq, merged_story_id',
        [storyId],
      );
      const events = await db.query<StoryEventRow>('SELECT seq, type, event FROM story_events WHERE story_id = $1 AND seq > $2 ORDER BY seq LIMIT $3', [
        storyId,
        after,
        limit + 1,
      ]);
      const timeline = events.slice(0, limit);
      const more = events.length > limit;
      const last = timeline.length === 0 ? after : Number(timeline[timeline.length - 1].seq);
      // An article row keeps the seq of the event that placed it, which is in this story's timeline.
      const articles = await db.query<StoryArticleRow>(
        `SELECT ${ARTICLE_COLUMNS} FROM story_articles WHERE story_id = $1 AND event_seq > $2 AND event_seq <= $3 ORDER BY event_seq, article_id`,
        [storyId, after, more ? last : Number.MAX_SAFE_INTEGER],
      );
      return { kind: 'story', story, mergedStoryIds: merged.map((row) => row.merged_story_id), articles, timeline, nextAfter: more ? last : null };
    });
  }

  /** The story an article is in now (after merges), with how it relates to it. */
  articleStory(articleId: string): Promise<{ article: StoryArticleRow; story: StoryRow } | undefined> {
    if (!isStorableId(articleId)) return Promise.resolve(undefined);
    return this.snapshot(async (db) => {
      const [article] = await db.query<StoryArticleRow>(`SELECT ${ARTICLE_COLUMNS} FROM story_articles WHERE article_id = $1`, [articleId]);
      const story = article === undefined ? undefined : await findStory(db, article.story_id);
      return article === undefined || story === undefined ? undefined : { article, story };
    });
  }

  private snapshot<T>(read: (db: Queryable) => Promise<T>): Promise<T> {
    return this.db.transaction(async (tx) => {
      await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
      return read(tx);
    });
  }
}
