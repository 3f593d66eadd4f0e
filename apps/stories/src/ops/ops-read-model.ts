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

/** The dashboard's figures from the read model: the totals row, the newest sequence number and the first rows of the
 * most-articles index, so a sample costs the same on the first day and after a year. */
export const readModelFigures = async (db: Queryable, schema: string, top: number): Promise<ReadModelFigures> => {
  const [[totals], [events], ranked] = await Promise.all([
    db.query<{ stories: string; articles: string; duplicates: string; syndicated: string; rewrites: string }>(
      `SELECT stories, articles, duplicates, syndicated, rewrites FROM ${schema}.read_model_totals`,
    ),
    db.query<{ seq: string | null }>(`SELECT max(seq) AS seq FROM ${schema}.story_events`),
    db.query<{ story_id: string; title: string | null; article_count: number; updated_at: Date | string }>(
      `SELECT story_id, title, article_count, updated_at FROM ${schema}.stories
        ORDER BY article_count DESC, updated_at DESC, story_id LIMIT $1`,
      [top],
    ),
  ]);
  return {
    stories: Number(totals.stories),
    projectedEvents: Number(events?.seq ?? 0),
    // Every article is a story's origin or joined it as a copy or a rewrite.
    relations: {
      new: Number(totals.articles) - Number(totals.duplicates) - Number(totals.syndicated) - Number(totals.rewrites),
      duplicate: Number(totals.duplicates),
      syndicated: Number(totals.syndicated),
      rewrite: Number(totals.rewrites),
    },
    mostUpdated: ranked.map((r) => ({ storyId: r.story_id, title: r.title, articles: Number(r.article_count), updatedAt: new Date(r.updated_at).toISOString() })),
  };
};
