import { type OutgoingRecord } from './stateful-processor';

/** Record header, varint lengths, timestamp and offset deltas: a generous bound per record in a v2 batch. */
const RECORD_OVERHEAD_BYTES = 100;

const sizeOf = ({ key, value }: OutgoingRecord): number =>
  RECORD_OVERHEAD_BYTES + (key === null ? 0 : Buffer.byteLength(key)) + (value === null ? 0 : Buffer.byteLength(value));

/**
 * Splits a transaction's records into sends of at most `maxBytes` each. kafkajs puts everything one send has for a
 * partition into a single record batch, and the broker refuses a batch over the topic's max.message.bytes (1 MiB by
 * default), which would fail the transaction on every retry. A record over the bound goes alone; keeping records
 * under it is the handler's job.
 */
export const boundedSends = (records: readonly OutgoingRecord[], maxBytes: number): OutgoingRecord[][] => {
  const sends: OutgoingRecord[][] = [];
  let current: OutgoingRecord[] = [];
  let bytes = 0;
  for (const record of records) {
    const size = sizeOf(record);
    if (current.length > 0 && bytes + size > maxBytes) {
      sends.push(current);
      current = [];
      bytes = 0;
    }
    current.push(record);
    bytes += size;
  }
  if (current.length > 0) sends.push(current);
  return sends;
};
