import { type Queryable } from '../database/database';

export interface RelationMix {
  readonly new: number;
  readonly duplicate: number;
  readonly syndicated: number;
  readonly rewrite: number;
}

export interface StoryRanking {
  readonly storyId: string;
  readonly title: string | null;
  readonly articles: number;
  readonly updatedAt: string;
}

export interface ReadModelFigures {
  readonly stories: number;
  /** Story events projected so far: the output counter the throughput chart differentiates. */
  readonly projectedEvents: number;
  readonly relations: RelationMix;
  readonly mostUpdated: readonly StoryRanking[];
}

/** The dashboard's figures from the read model, in one round of small aggregate queries. */
export const readModelFigures = async (db: Queryable, schema: string, top: number): Promise<ReadModelFigures> => {
  const [[counts], [events], ranked] = await Promise.all([
    db.query<{ stories: string; origin: string; duplicate: string; syndicated: string; rewrite: string }>(
      `SELECT (SELECT count(*) FROM ${schema}.stories) AS stories,
              count(*) FILTER (WHERE relation = 'origin') AS origin,
              count(*) FILTER (WHERE relation = 'duplicate') AS duplicate,
              count(*) FILTER (WHERE relation = 'syndicated') AS syndicated,
              count(*) FILTER (WHERE relation = 'rewrite') AS rewrite
         FROM ${schema}.story_articles`,
    ),
    db.query<{ seq: string | null }>(`SELECT max(seq) AS seq FROM ${schema}.story_events`),
    db.query<{ story_id: string; title: string | null; article_count: number; updated_at: Date | string }>(
      `SELECT story_id, title, article_count, updated_at FROM ${schema}.stories
        ORDER BY article_count DESC, updated_at DESC, story_id LIMIT $1`,
      [top],
    ),
  ]);
  return {
    stories: Number(counts.stories),
    projectedEvents: Number(events?.seq ?? 0),
    relations: { new: Number(counts.origin), duplicate: Number(counts.duplicate), syndicated: Number(counts.syndicated), rewrite: Number(counts.rewrite) },
    mostUpdated: ranked.map((r) => ({ storyId: r.story_id, title: r.title, articles: Number(r.article_count), updatedAt: new Date(r.updated_at).toISOString() })),
  };
};
