import { type StoryEvent, storyEventSchema } from '@app/contracts';
import { isStorableId, MAX_ID_BYTES } from '../database/storable-ids';
import { isStorableTime } from '../database/timestamps';

export type ParsedRecord = { ok: true; event: StoryEvent } | { ok: false; reason: string };

const MAX_ISSUES = 5;

// PostgreSQL text and jsonb cannot hold U+0000, and a lone surrogate is not text at all; left in, one such string
// would fail its batch forever, so both become U+FFFD.
const storable = (_key: string, value: unknown): unknown => (typeof value === 'string' ? value.replaceAll('\u0000', '\uFFFD').toWellFormed() : value);


const idsOf = (event: StoryEvent): [string, string][] => [
  ['storyId', event.storyId],
  ['eventId', event.eventId],
  ...(event.type === 'StoriesMerged'
    ? event.mergedStoryIds.map((id, i): [string, string] => [`mergedStoryIds.${i}`, id])
    : [['articleId', event.articleId] as [string, string], ['article.id', event.article.id] as [string, string]]),
];

/** An id the read model cannot key would fail its batch forever; the reviver already made every string storable
 * text, so only its length can stand in the way. */
const oversizedId = (event: StoryEvent): string | undefined => idsOf(event).find(([, id]) => !isStorableId(id))?.[0];

/** A Kafka record value → a story event, or the reason it is not one. Never throws. */
export const parseStoryEvent = (value: Buffer | null): ParsedRecord => {
  if (value === null) return { ok: false, reason: 'empty value: a tombstone is not a story event' };
  let json: unknown;
  try {
    json = JSON.parse(value.toString('utf8'), storable);
  } catch (error) {
    return { ok: false, reason: `not JSON: ${(error as Error).message}` };
  }
  const parsed = storyEventSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, MAX_ISSUES).map((issue) => `${issue.path.join('.') || 'value'}: ${issue.message}`);
    return { ok: false, reason: `not a story event: ${issues.join('; ')}` };
  }
  if (!isStorableTime(parsed.data.at)) return { ok: false, reason: 'at: must be a time between the years 1 and 9999 (UTC)' };
  const oversized = oversizedId(parsed.data);
  if (oversized !== undefined) return { ok: false, reason: `${oversized}: must be at most ${MAX_ID_BYTES} bytes of UTF-8` };
  return { ok: true, event: parsed.data };
};
