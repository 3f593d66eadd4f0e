import { type DeadLetter, isCalendarTime, parseArticle, type StoryEvent } from '@app/contracts';
import { decide, eventTime, evolve, type StoryState } from '@app/stories';
import { type InputRecord } from '../exactly-once/stateful-processor';
import { deadLetterFor } from './dead-letter';
import { MAX_OUTPUT_RECORD_BYTES } from './record-limits';

export type RecordOutcome =
  /** `aheadOfClock`: the article's own time, when it was later than the clock allows and the decision took the
   * clock's instead. */
  | { kind: 'story'; events: StoryEvent[]; serialized: string[]; aheadOfClock?: number }
  | { kind: 'dead-letter'; deadLetter: DeadLetter };

/** Unique per input record: story and event ids derive from it, so reprocessing a record reproduces them. */
export const eventKeyOf = ({ topic, partition, offset }: Pick<InputRecord, 'topic' | 'partition' | 'offset'>): string => `${topic}-${partition}-${offset}`;

/**
 * How far an article's time may run ahead of the service's clock: a release scheduled a few hours out, a producer's
 * clock a little fast. The engine's window ends at the newest event time it has seen, so a later time (a mistyped
 * year, a producer stamping records in 2099) would evict every live article at once and then stop eviction until the
 * world caught up. Such an article is decided as of the clock plus this much; its publishedAt stays as sent.
 */
export const MAX_AHEAD_OF_CLOCK_MS = 24 * 60 * 60 * 1000;

/**
 * One input record through the engine: decide, then fold the events into the state. A refusal is an outcome, not
 * an exception: it goes to the dead-letter topic in the same transaction, so a poison record is consumed exactly
 * once like any other. That includes the engine failing on it while deciding (decide reads the state and changes
 * nothing) and a decision too large for the story log. Only `evolve` can throw here, after which the state is no
 * longer trustworthy: the caller rolls it back.
 */
export const processRecord = (state: StoryState, record: InputRecord, maxBodyBytes: number, now: number): RecordOutcome => {
  let events: StoryEvent[];
  let aheadOfClock: number | undefined;
  try {
    const parsed = parseArticle(record.value, maxBodyBytes);
    if (!parsed.ok) return { kind: 'dead-letter', deadLetter: deadLetterFor(record, parsed.rejections) };
    const at = eventTime(parsed.value, record.timestamp);
    // The schema bounds publishedAt; a producer's record timestamp is any 64-bit number, and an event time the story
    // log cannot write as ISO-8601 would be folded here but skipped by every replay.
    if (!isCalendarTime(at)) {
      const problem = `has no publishedAt, and its record timestamp ${record.timestamp} is outside the years 1 to 9999`;
      return { kind: 'dead-letter', deadLetter: deadLetterFor(record, [{ field: '$', problem }]) };
    }
    const latestBelievable = now + MAX_AHEAD_OF_CLOCK_MS;
    if (at > latestBelievable) aheadOfClock = at;
    events = decide(parsed.value, state, { at: Math.min(at, latestBelievable), eventKey: eventKeyOf(record) });
  } catch (error) {
    return { kind: 'dead-letter', deadLetter: deadLetterFor(record, [{ field: '$', problem: `could not be processed: ${(error as Error).message}` }]) };
  }
  const serialized = events.map((event) => JSON.stringify(event));
  const largest = Math.max(0, ...serialized.map((json) => Buffer.byteLength(json)));
  if (largest > MAX_OUTPUT_RECORD_BYTES) {
    const problem = `makes a story event of ${largest} bytes, more than a story-log record may hold`;
    return { kind: 'dead-letter', deadLetter: deadLetterFor(record, [{ field: '$', problem, limit: MAX_OUTPUT_RECORD_BYTES }]) };
  }
  for (const event of events) evolve(state, event);
  return { kind: 'story', events, serialized, ...(aheadOfClock === undefined ? {} : { aheadOfClock }) };
};

/** A record the engine threw on while folding its events in: refused outright when it comes round again. */
export const engineFailureLetter = (record: InputRecord, reason: string): DeadLetter =>
  deadLetterFor(record, [{ field: '$', problem: `the story engine failed on it: ${reason}` }]);
