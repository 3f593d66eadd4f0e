import { z } from 'zod';
import { pageLimit, parseQuery, strictQuery } from './query-rules';

export const MAX_TIMELINE_PAGE = 1000;

const AFTER_RULE = "after must be a seq from this story's timeline (an integer, 0 or more): the nextAfter a previous answer gave";

const querySchema = strictQuery({
  after: z
    .string({ error: AFTER_RULE })
    .regex(/^\d{1,15}$/, AFTER_RULE)
    .transform(Number)
    .default(0),
  limit: pageLimit(MAX_TIMELINE_PAGE, 500),
});

/** Which part of a story's timeline (and the articles its events placed) one answer carries: after a seq, so many. */
export type StoryDetailQuery = z.output<typeof querySchema>;

/** The query string of GET /v1/stories/:id, or one message that says what to fix. */
export const parseStoryDetailQuery = (query: unknown) => parseQuery(querySchema, query);
