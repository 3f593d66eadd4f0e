import { z } from 'zod';
import { isStorableTime } from '../database/timestamps';
import { pageLimit, parseQuery, strictQuery } from './query-rules';
import { decodeCursor, type StoryCursor } from './story-cursor';

export const MAX_PAGE = 200;

const SINCE_RULE = 'since must be an ISO-8601 date-time with a time zone, e.g. 2024-05-01T00:00:00Z';
const CURSOR_RULE = 'cursor must be a nextCursor this API returned; drop it to start from the newest story';

// Each field reports its rule, whatever went wrong (a bad value, or the parameter given twice).
const querySchema = strictQuery({
  since: z.iso.datetime({ offset: true, error: SINCE_RULE }).refine(isStorableTime, SINCE_RULE).optional(),
  limit: pageLimit(MAX_PAGE, 50),
  cursor: z
    .string({ error: CURSOR_RULE })
    .transform((text, ctx): StoryCursor => {
      const cursor = decodeCursor(text);
      if (cursor === undefined) {
        ctx.addIssue({ code: 'custom', message: CURSOR_RULE });
        return z.NEVER;
      }
      return cursor;
    })
    .optional(),
});

export type ListStoriesQuery = z.output<typeof querySchema>;

/** The query string of GET /v1/stories, or one message that says what to fix. */
export const parseListStoriesQuery = (query: unknown) => parseQuery(querySchema, query);
