import { Inject, Injectable } from '@nestjs/common';
import { type Database, DATABASE, type Queryable } from '../database/database';
import { isStorableId } from '../database/storable-ids';
import { type ListStoriesQuery } from './list-stories.query';
import { type StoryArticleRow, type StoryEventRow, type StoryRow } from './story-rows';

const STORY_COLUMNS = 'story_id, title, article_count, duplicate_count, syndicated_count, rewrite_count, created_at, updated_at, last_event_id';
const ARTICLE_COLUMNS = 'article_id, story_id, relation, title, source, url, published_at, joined_at';

export type StoryLookup =
  | { kind: 'story'; story: StoryRow; mergedStoryIds: string[]; articles: StoryArticleRow[]; timeline: StoryEventRow[] }
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
   * A story with its articles (in the order they joined) and its timeline (its events and those of the stories
   * merged into it, in log order), read from one snapshot so a batch committing meanwhile cannot split the answer.
   */
  storyDetail(storyId: string): Promise<StoryLookup> {
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
      const articles = await db.query<StoryArticleRow>(`SELECT ${ARTICLE_COLUMNS} FROM story_articles WHERE story_id = $1 ORDER BY event_seq, article_id`, [
        storyId,
      ]);
      const timeline = await db.query<StoryEventRow>('SELECT seq, type, event FROM story_events WHERE story_id = $1 ORDER BY seq', [storyId]);
      return { kind: 'story', story, mergedStoryIds: merged.map((row) => row.merged_story_id), articles, timeline };
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
