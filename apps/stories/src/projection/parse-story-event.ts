import { type StoryEvent, storyEventSchema } from '@app/contracts';
import { isStorableTime } from '../database/timestamps';

export type ParsedRecord = { ok: true; event: StoryEvent } | { ok: false; reason: string };

const MAX_ISSUES = 5;

// PostgreSQL text and jsonb cannot hold U+0000; left in, one such string would fail its batch forever.
const withoutNul = (_key: string, value: unknown): unknown => (typeof value === 'string' ? value.replaceAll('\u0000', '\uFFFD') : value);

/** A Kafka record value → a story event, or the reason it is not one. Never throws. */
export const parseStoryEvent = (value: Buffer | null): ParsedRecord => {
  if (value === null) return { ok: false, reason: 'empty value: a tombstone is not a story event' };
  let json: unknown;
  try {
    json = JSON.parse(value.toString('utf8'), withoutNul);
  } catch (error) {
    return { ok: false, reason: `not JSON: ${(error as Error).message}` };
  }
  const parsed = storyEventSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, MAX_ISSUES).map((issue) => `${issue.path.join('.') || 'value'}: ${issue.message}`);
    return { ok: false, reason: `not a story event: ${issues.join('; ')}` };
  }
  if (!isStorableTime(parsed.data.at)) return { ok: false, reason: 'at: must be a time between the years 1 and 9999 (UTC)' };
  return { ok: true, event: parsed.data };
};
