import { encodeCursor } from './story-cursor';
import { type StoryRow } from './story-rows';
import { storyView, type StoryView } from './story-views';

export interface StoryPage {
  readonly stories: readonly StoryView[];
  /** Pass as `cursor` for the next page; null on the last page. */
  readonly nextCursor: string | null;
}

/** Rows fetched with one extra beyond `limit` → the page, and a cursor only when that extra row exists. */
export const storyPage = (rows: readonly StoryRow[], limit: number): StoryPage => {
  const stories = rows.slice(0, limit).map(storyView);
  const last = stories[stories.length - 1];
  return { stories, nextCursor: rows.length > limit && last !== undefined ? encodeCursor({ updatedAt: last.updatedAt, id: last.id }) : null };
};
