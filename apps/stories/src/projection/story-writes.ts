import { type Queryable } from '../database/database';
import { type KnownRows, type SegmentPlan } from './plan-segment';
import { type ArticleStep, type MergeStep } from './project-event';

/**
 * The SQL of the projection. Times come from the events, so a replay of the same log writes the same rows.
 * Runs of article events are written set-based (arrays unnested into rows); merges, which are rare and reshape
 * several stories, are applied one at a time.
 */

export const readKnownRows = async (tx: Queryable, steps: readonly ArticleStep[]): Promise<KnownRows> => {
  const events = await tx.query<{ event_id: string }>('SELECT event_id FROM story_events WHERE event_id = ANY($1::text[])', [steps.map((s) => s.eventId)]);
  const aliases = await tx.query<{ merged_story_id: string; story_id: string }>(
    'SELECT merged_story_id, story_id FROM story_aliases WHERE merged_story_id = ANY($1::text[])',
    [[...new Set(steps.map((s) => s.storyId))]],
  );
  const articles = await tx.query<{ article_id: string; story_id: string }>('SELECT article_id, story_id FROM story_articles WHERE article_id = ANY($1::text[])', [
    [...new Set(steps.map((s) => s.article.id))],
  ]);
  return {
    appliedEventIds: new Set(events.map((row) => row.event_id)),
    aliases: new Map(aliases.map((row) => [row.merged_story_id, row.story_id])),
    articleStories: new Map(articles.map((row) => [row.article_id, row.story_id])),
  };
};

export const writeSegment = async (tx: Queryable, { events, stories, articles }: SegmentPlan): Promise<void> => {
  if (events.length === 0) return;
  await tx.query(
    `INSERT INTO story_events (seq, event_id, story_id, type, at, event)
     SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::json[])`,
    [events.map((e) => e.seq), events.map((e) => e.eventId), events.map((e) => e.storyId), events.map((e) => e.type), events.map((e) => e.at), events.map((e) => JSON.stringify(e.event))],
  );
  await tx.query(
    `INSERT INTO stories (story_id, title, created_at, updated_at, last_event_id)
     SELECT * FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::timestamptz[], $5::text[])
     ON CONFLICT (story_id) DO UPDATE SET
       title = coalesce(stories.title, excluded.title),
       updated_at = greatest(stories.updated_at, excluded.updated_at),
       last_event_id = excluded.last_event_id`,
    [stories.map((s) => s.storyId), stories.map((s) => s.title), stories.map((s) => s.createdAt), stories.map((s) => s.updatedAt), stories.map((s) => s.lastEventId)],
  );
  if (articles.length === 0) return;
  await tx.query(
    `INSERT INTO story_articles (article_id, story_id, relation, title, source, url, published_at, joined_at, event_seq)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::timestamptz[], $9::bigint[])
     ON CONFLICT (article_id) DO UPDATE SET
       story_id = excluded.story_id, relation = excluded.relation, title = excluded.title, source = excluded.source,
       url = excluded.url, published_at = excluded.published_at, joined_at = excluded.joined_at, event_seq = excluded.event_seq`,
    [
      articles.map((a) => a.articleId),
      articles.map((a) => a.storyId),
      articles.map((a) => a.relation),
      articles.map((a) => a.title),
      articles.map((a) => a.source),
      articles.map((a) => a.url),
      articles.map((a) => a.publishedAt),
      articles.map((a) => a.joinedAt),
      articles.map((a) => a.eventSeq),
    ],
  );
};

/**
 * Records a merge under its id and applies it; undefined when the id was applied before. The survivor (resolved
 * through earlier merges) moves on and takes the absorbed stories' articles, timelines and aliases; each absorbed
 * id becomes an alias of it, so links to it keep working. Absorbing a story that was itself absorbed means
 * absorbing where it went. Returns the survivor, whose counts change.
 */
export const applyMerge = async (tx: Queryable, seq: number, step: MergeStep): Promise<string | undefined> => {
  const [inserted] = await tx.query<{ story_id: string }>(
    `INSERT INTO story_events (seq, event_id, story_id, type, at, event)
     VALUES ($1, $2, coalesce((SELECT story_id FROM story_aliases WHERE merged_story_id = $3), $3), $4, $5, $6::json)
     ON CONFLICT (event_id) DO NOTHING
     RETURNING story_id`,
    [seq, step.eventId, step.storyId, step.event.type, step.at, JSON.stringify(step.event)],
  );
  if (inserted === undefined) return undefined;
  const survivorId = inserted.story_id;
  await tx.query(
    `INSERT INTO stories (story_id, created_at, updated_at, last_event_id) VALUES ($1, $2, $2, $3)
     ON CONFLICT (story_id) DO UPDATE SET updated_at = greatest(stories.updated_at, excluded.updated_at), last_event_id = excluded.last_event_id`,
    [survivorId, step.at, step.eventId],
  );
  const resolved = await tx.query<{ story_id: string }>(
    `SELECT DISTINCT coalesce(a.story_id, m.id) AS story_id
     FROM unnest($1::text[]) AS m(id) LEFT JOIN story_aliases a ON a.merged_story_id = m.id`,
    [step.mergedStoryIds],
  );
  const absorbed = [...new Set([...step.mergedStoryIds, ...resolved.map((row) => row.story_id)])].filter((id) => id !== survivorId);
  if (absorbed.length === 0) return survivorId;
  await tx.query(
    `UPDATE stories s SET
       created_at = least(s.created_at, m.created_at),
       updated_at = greatest(s.updated_at, m.updated_at),
       title = coalesce(s.title, m.title)
     FROM (
       SELECT min(created_at) AS created_at, max(updated_at) AS updated_at,
              (array_agg(title ORDER BY created_at, story_id) FILTER (WHERE title IS NOT NULL))[1] AS title
       FROM stories WHERE story_id = ANY($2::text[])
     ) m
     WHERE s.story_id = $1`,
    [survivorId, absorbed],
  );
  for (const table of ['story_articles', 'story_events', 'story_aliases']) {
    await tx.query(`UPDATE ${table} SET story_id = $1 WHERE story_id = ANY($2::text[])`, [survivorId, absorbed]);
  }
  await tx.query(
    `INSERT INTO story_aliases (merged_story_id, story_id, event_seq) SELECT id, $1, $3 FROM unnest($2::text[]) AS id
     ON CONFLICT (merged_story_id) DO UPDATE SET story_id = excluded.story_id, event_seq = excluded.event_seq`,
    [survivorId, absorbed, seq],
  );
  await tx.query('DELETE FROM stories WHERE story_id = ANY($1::text[])', [absorbed]);
  return survivorId;
};

/** Article and relation counts, recomputed from the article rows once per batch for the stories it touched. */
export const recountStories = async (tx: Queryable, storyIds: readonly string[]): Promise<void> => {
  if (storyIds.length === 0) return;
  await tx.query(
    `UPDATE stories s SET
       article_count = c.articles, duplicate_count = c.duplicates, syndicated_count = c.syndicated, rewrite_count = c.rewrites
     FROM (
       SELECT t.id,
              count(a.article_id)::int AS articles,
              (count(*) FILTER (WHERE a.relation = 'duplicate'))::int AS duplicates,
              (count(*) FILTER (WHERE a.relation = 'syndicated'))::int AS syndicated,
              (count(*) FILTER (WHERE a.relation = 'rewrite'))::int AS rewrites
       FROM unnest($1::text[]) AS t(id) LEFT JOIN story_articles a ON a.story_id = t.id
       GROUP BY t.id
     ) c
     WHERE s.story_id = c.id`,
    [storyIds],
  );
};
