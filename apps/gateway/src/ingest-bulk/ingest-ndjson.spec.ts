import { Readable } from 'node:stream';
import { type KeyedRecord } from '../kafka/keyed-record';
import { type BulkLimits, ingestNdjson } from './ingest-ndjson';

const limits: BulkLimits = { maxBodyBytes: 1024, maxListedLines: 100, batchRecords: 3, batchBytes: 100_000, maxInFlightBatches: 2 };
const article = (id: string) => JSON.stringify({ id, body: `Body of ${id}.`, unknown: 'dropped' });
const chunked = (text: string, size = 7) => {
  const bytes = Buffer.from(text, 'utf8');
  const chunks: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += size) chunks.push(bytes.subarray(at, at + size));
  return Readable.from(chunks);
};

/** A stand-in for the producer that records what it was asked to send and how many sends overlapped. */
const recordingSend = (delayMs = 0) => {
  const batches: KeyedRecord[][] = [];
  let running = 0;
  let maxRunning = 0;
  const send = async (records: KeyedRecord[]) => {
    running += 1;
    maxRunning = Math.max(maxRunning, running);
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    batches.push(records);
    running -= 1;
  };
  return { send, batches, maxRunning: () => maxRunning };
};

describe('ingestNdjson', () => {
  it('validates each line, reports it, and sends exactly the valid ones, normalised, in batches', async () => {
    const body = [article('a'), '{"id":"b"}', '', article('c'), 'not json', article('d'), article('e'), '{"id":"f","body":"x","__proto__":{}}'].join('\n');
    const { send, batches } = recordingSend();
    const report = await ingestNdjson(chunked(`${body}\n`), send, limits);

    expect(report).toEqual({
      accepted: 4,
      rejected: 3,
      listed: 'all',
      unlistedRejections: 0,
      lines: [
        { line: 1, id: 'a', status: 'accepted', ignoredFields: ['unknown'] },
        { line: 2, status: 'rejected', errors: [{ field: 'body', problem: 'must be string and is missing' }] },
        { line: 4, id: 'c', status: 'accepted', ignoredFields: ['unknown'] },
        { line: 5, status: 'rejected', errors: [{ field: '$', problem: expect.stringContaining('is not valid JSON') }] },
        { line: 6, id: 'd', status: 'accepted', ignoredFields: ['unknown'] },
        { line: 7, id: 'e', status: 'accepted', ignoredFields: ['unknown'] },
        { line: 8, status: 'rejected', errors: [{ field: '__proto__', problem: 'is a forbidden key (prototype pollution)' }] },
      ],
    });
    expect(batches.map((batch) => batch.map((r) => r.key))).toEqual([['a', 'c', 'd'], ['e']]);
    expect(batches[0][0]).toEqual({ key: 'a', value: JSON.stringify({ id: 'a', body: 'Body of a.' }) });
  });

  it('rejects an overlong line without its content and keeps going', async () => {
    const huge = JSON.stringify({ id: 'big', body: 'x'.repeat(2 * 1024 * 1024) });
    const { send, batches } = recordingSend();
    const report = await ingestNdjson(chunked(`${huge}\n${article('after')}`, 64 * 1024), send, limits);
    expect(report.lines).toEqual([
      { line: 1, status: 'rejected', errors: [{ field: '$', problem: expect.stringContaining('longer than the limit'), limit: 1024 + 64 * 1024 }] },
      { line: 2, id: 'after', status: 'accepted', ignoredFields: ['unknown'] },
    ]);
    expect(batches.flat().map((r) => r.key)).toEqual(['after']);
  });

  it('never has more batches in flight than allowed', async () => {
    const { send, batches, maxRunning } = recordingSend(5);
    const lines = Array.from({ length: 40 }, (_, i) => article(`id-${i}`)).join('\n');
    const report = await ingestNdjson(chunked(lines, 50), send, limits);
    expect(report.accepted).toBe(40);
    expect(batches.flat()).toHaveLength(40);
    expect(maxRunning()).toBeLessThanOrEqual(2);
  });

  it('fails with the send error instead of reporting unsent lines as accepted', async () => {
    const lines = Array.from({ length: 10 }, (_, i) => article(`id-${i}`)).join('\n');
    const failing = () => Promise.reject(new Error('no broker'));
    await expect(ingestNdjson(chunked(lines), failing, limits)).rejects.toThrow('no broker');
  });

  it('reports an empty body as no lines at all', async () => {
    const { send, batches } = recordingSend();
    expect(await ingestNdjson(chunked('\n\n'), send, limits)).toMatchObject({ accepted: 0, rejected: 0, lines: [] });
    expect(batches).toEqual([]);
  });
});
