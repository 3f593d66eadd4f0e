import { DeadLetter, deadLetterPayload, parseArticle, StoryEvent } from '@app/contracts';
import { eventTime, handleArticle, StoryState } from '@app/stories';

export interface InputRecord {
  topic: string;
  partition: number;
  offset: string;
  value: Buffer | null;
  /** Broker timestamp, epoch milliseconds: the event time of an article without publishedAt. */
  timestamp: number;
}

export type RecordOutcome = { kind: 'story'; events: StoryEvent[] } | { kind: 'dead-letter'; deadLetter: DeadLetter };

/**
 * One input record through the engine. Never throws on bad input: a refusal is an outcome that goes to the
 * dead-letter topic in the same transaction, so a poison record is consumed exactly once like any other.
 */
export const processRecord = (state: StoryState, record: InputRecord, maxBodyBytes: number): RecordOutcome => {
  const parsed = parseArticle(record.value, maxBodyBytes);
  if (!parsed.ok) {
    return {
      kind: 'dead-letter',
      deadLetter: {
        reasons: parsed.rejections,
        source: { topic: record.topic, partition: record.partition, offset: record.offset },
        ...deadLetterPayload(record.value),
      },
    };
  }
  const eventKey = `${record.topic}-${record.partition}-${record.offset}`;
  return { kind: 'story', events: handleArticle(state, parsed.value, { at: eventTime(parsed.value, record.timestamp), eventKey }) };
};
