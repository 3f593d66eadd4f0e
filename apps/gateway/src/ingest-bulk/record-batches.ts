import { type KeyedRecord } from '../kafka/keyed-record';

/**
 * Groups records into produce batches bounded by count and by bytes. The byte bound keeps every partition's record
 * batch (kafkajs sends one per partition) under the broker's default 1 MiB `message.max.bytes`, so batches fit
 * even on an articles topic created without the larger limit of its spec; a record larger than the bound travels
 * alone.
 */
export class RecordBatcher {
  private batch: KeyedRecord[] = [];
  private bytes = 0;

  constructor(
    private readonly maxRecords: number,
    private readonly maxBytes: number,
  ) {}

  /** Adds a record; returns the batch it completed, if any, for the caller to send. */
  add(record: KeyedRecord): KeyedRecord[] | undefined {
    const size = Buffer.byteLength(record.key) + Buffer.byteLength(record.value);
    const full = this.batch.length > 0 && this.bytes + size > this.maxBytes ? this.take() : undefined;
    this.batch.push(record);
    this.bytes += size;
    if (full) return full;
    return this.batch.length >= this.maxRecords ? this.take() : undefined;
  }

  /** What is left at the end of the input. */
  flush(): KeyedRecord[] | undefined {
    return this.batch.length > 0 ? this.take() : undefined;
  }

  private take(): KeyedRecord[] {
    const batch = this.batch;
    this.batch = [];
    this.bytes = 0;
    return batch;
  }
}
