import { type DeadLetter, isCalendarTime, parseArticle, type StoryEvent } from '@app/contracts';
import { decide, eventTime, evolve, type StoryState } from '@app/stories';
import { type InputRecord } from '../exactly-once/stateful-processor';
import { deadLetterFor } from './dead-letter';
import { MAX_OUTPUT_RECORD_BYTES } from './record-limits';

export type RecordOutcome =
  | { kind: 'story'; events: StoryEvent[]; serialized: string[] }
  | { kind: 'dead-letter'; deadLetter: DeadLetter };

/** Unique per input record: story and event ids derive from it, so reprocessing a record reproduces them. */
export const eventKeyOf = ({ topic, partition, offset }: Pick<InputRecord, 'topic' | 'partition' | 'offset'>): string => `${topic}-${partition}-${offset}`;

/**
 * One input record through the engine: decide, then fold the events into the state. A refusal is an outcome, not
 * an exception: it goes to the dead-letter topic in the same transaction, so a poison record is consumed exactly
 * once like any other. That includes the engine failing on it while deciding (decide reads the state and changes
 * nothing) and a decision too large for the story log. Only `evolve` can throw here, after which the state is no
 * longer trustworthy: the caller rolls it back.
 */
export const processRecord = (state: StoryState, record: InputRecord, maxBodyBytes: number): RecordOutcome => {
  let events: StoryEvent[];
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
    events = decide(parsed.value, state, { at, eventKey: eventKeyOf(record) });
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
  return { kind: 'story', events, serialized };
};

/** A record the engine threw on while folding its events in: refused outright when it comes round again. */
export const engineFailureLetter = (record: InputRecord, reason: string): DeadLetter =>
  deadLetterFor(record, [{ field: '$', problem: `the story engine failed on it: ${reason}` }]);
