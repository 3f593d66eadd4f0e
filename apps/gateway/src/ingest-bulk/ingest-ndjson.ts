import { maxArticleBytes, parseArticle } from '@app/contracts';
import { type KeyedRecord } from '../kafka/keyed-record';
import { BoundedSends } from './bounded-sends';
import { type BulkReport, BulkReportBuilder } from './bulk-report';
import { type NdjsonLine, NdjsonLineSplitter } from './ndjson-lines';
import { RecordBatcher } from './record-batches';

export interface BulkLimits {
  /** The article body limit; a line may be this plus the envelope allowance. */
  readonly maxBodyBytes: number;
  readonly maxListedLines: number;
  readonly batchRecords: number;
  readonly batchBytes: number;
  readonly maxInFlightBatches: number;
}

/** Bounds chosen so a bulk request holds at most a few MB whatever its size: a line, a batch and the batches in flight. */
export const BULK_LIMITS: Omit<BulkLimits, 'maxBodyBytes'> = {
  maxListedLines: 1_000,
  batchRecords: 500,
  batchBytes: 900 * 1024,
  maxInFlightBatches: 4,
};

/**
 * Reads an NDJSON body as it arrives: each line is validated with the article contract, valid ones are sent in
 * batches with a bounded number in flight, and the report says what happened to each line. It resolves only
 * after every batch was acknowledged, and rejects with the first send failure.
 */
export const ingestNdjson = async (
  body: AsyncIterable<Buffer>,
  send: (records: KeyedRecord[]) => Promise<unknown>,
  limits: BulkLimits,
): Promise<BulkReport> => {
  const maxLineBytes = maxArticleBytes(limits.maxBodyBytes);
  const splitter = new NdjsonLineSplitter(maxLineBytes);
  const report = new BulkReportBuilder(limits.maxListedLines);
  const batcher = new RecordBatcher(limits.batchRecords, limits.batchBytes);
  const sends = new BoundedSends(limits.maxInFlightBatches);

  const take = async (line: NdjsonLine): Promise<void> => {
    if (line.kind === 'too-long') {
      report.reject(line.number, [{ field: '$', problem: `is a line of ${line.bytes} bytes, longer than the limit (skipped unread)`, limit: maxLineBytes }]);
      return;
    }
    const parsed = parseArticle(line.bytes, limits.maxBodyBytes);
    if (!parsed.ok) {
      report.reject(line.number, parsed.rejections);
      return;
    }
    report.accept(line.number, parsed.value.id, parsed.ignoredFields);
    const full = batcher.add({ key: parsed.value.id, value: JSON.stringify(parsed.value) });
    if (full) await sends.add(send(full));
  };

  for await (const chunk of body) {
    sends.throwIfFailed();
    for (const line of splitter.push(chunk)) await take(line);
  }
  for (const line of splitter.end()) await take(line);
  const last = batcher.flush();
  if (last) await sends.add(send(last));
  await sends.drain();
  return report.build();
};
