import { z } from 'zod';
import { isStorableTime } from '../database/timestamps';
import { decodeCursor, type StoryCursor } from './story-cursor';

export const MAX_PAGE = 200;
const DEFAULT_PAGE = 50;

const SINCE_RULE = 'since must be an ISO-8601 date-time with a time zone, e.g. 2024-05-01T00:00:00Z';
const LIMIT_RULE = `limit must be an integer from 1 to ${MAX_PAGE}`;
const CURSOR_RULE = 'cursor must be a nextCursor this API returned; drop it to start from the newest story';
const PARAMETERS = ['since', 'limit', 'cursor'];

// Each field reports its rule, whatever went wrong (a bad value, or the parameter given twice).
const querySchema = z.strictObject(
  {
    since: z.iso.datetime({ offset: true, error: SINCE_RULE }).refine(isStorableTime, SINCE_RULE).optional(),
    limit: z
      .string({ error: LIMIT_RULE })
      .regex(/^\d{1,4}$/, LIMIT_RULE)
      .transform(Number)
      .pipe(z.number().min(1, LIMIT_RULE).max(MAX_PAGE, LIMIT_RULE))
      .default(DEFAULT_PAGE),
    cursor: z.string({ error: CURSOR_RULE }).transform((text, ctx): StoryCursor => {
      const cursor = decodeCursor(text);
      if (cursor === undefined) {
        ctx.addIssue({ code: 'custom', message: CURSOR_RULE });
        return z.NEVER;
      }
      return cursor;
    }).optional(),
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? `unknown query parameter ${issue.keys.join(', ')}: use ${PARAMETERS.join(', ')}` : undefined) },
);

export type ListStoriesQuery = z.output<typeof querySchema>;

/** The query string of GET /v1/stories, or one message that says what to fix. */
export const parseListStoriesQuery = (query: unknown): { ok: true; value: ListStoriesQuery } | { ok: false; message: string } => {
  const parsed = querySchema.safeParse(query);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, message: [...new Set(parsed.error.issues.map((issue) => issue.message))].join('; ') };
};
