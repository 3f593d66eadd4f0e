import { clippedText, type DeadLetter, deadLetterPayload, type Rejection } from '@app/contracts';
import { type InputRecord } from '../exactly-once/stateful-processor';
import { DEAD_LETTER_KEY_BYTES, DEAD_LETTER_PAYLOAD_BYTES } from './record-limits';

const MAX_REASONS = 20;
const MAX_REASON_CHARS = 1_000;

const clip = (text: string): string => clippedText(text, MAX_REASON_CHARS);

/** The first `max` bytes, cut back to a whole UTF-8 character so clean text stays readable text. */
const utf8Prefix = (value: Buffer, max: number): Buffer => {
  let end = max;
  while (end > 0 && (value[end] & 0xc0) === 0x80) end--;
  return value.subarray(0, end);
};

/**
 * A refused input as it goes to the dead-letter topic. Bounded whatever the input: a 5 MB payload or a reason
 * quoting a 100,000-level key path must not make a record the broker refuses, or the stream would retry it forever.
 * A cut payload says so (`truncatedFrom`); `source` points at the whole record.
 */
export const deadLetterFor = (record: InputRecord, reasons: readonly Rejection[]): DeadLetter => {
  const { value } = record;
  const kept = value !== null && value.length > DEAD_LETTER_PAYLOAD_BYTES ? utf8Prefix(value, DEAD_LETTER_PAYLOAD_BYTES) : value;
  return {
    reasons: reasons.slice(0, MAX_REASONS).map((reason) => ({ ...reason, field: clip(reason.field), problem: clip(reason.problem) })),
    source: { topic: record.topic, partition: record.partition, offset: record.offset },
    ...deadLetterPayload(kept),
    ...(kept !== value && value !== null ? { truncatedFrom: value.length } : {}),
  };
};

/** The key a dead letter is written under: the input's, cut like its payload, since a key the dead-letter topic
 * refuses would fail the transaction on every retry and stall the stream as surely as an oversized payload. */
export const deadLetterKey = (key: Buffer | null): Buffer | null => (key !== null && key.length > DEAD_LETTER_KEY_BYTES ? utf8Prefix(key, DEAD_LETTER_KEY_BYTES) : key);
