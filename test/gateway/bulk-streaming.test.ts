import { Readable } from 'node:stream';
import { testKafka, uniqueName } from '../support/kafka';
import { type RunningGateway, startGateway, topicRecordCount } from './gateway-app';

const KEY = 'streaming-test-key';
const TARGET_BYTES = 30 * 1024 * 1024;
const WORDS = ['harbour', 'council', 'minister', 'vote', 'budget', 'river', 'bridge', 'tender', 'report', 'delay', 'court', 'ruling'];

/** An article of ~10 KB whose text differs per line, so compression cannot make the body trivially small. */
const articleLine = (n: number): string => {
  const words = Array.from({ length: 1_500 }, (_, i) => WORDS[(n * 7 + i * i) % WORDS.length]);
  return JSON.stringify({ id: `${n}`, title: `Story ${n}`, body: `${words.join(' ')}.` });
};
const isBad = (n: number) => n % 1_000 === 999;

/**
 * Generates the NDJSON body on the fly, line by line, as a stream: neither this test nor the gateway ever holds
 * the 30 MB. Every 1,000th line lacks its body.
 */
const ndjsonStream = (prefix: string) => {
  let produced = 0;
  let lines = 0;
  const stream = Readable.from(
    (function* () {
      while (produced < TARGET_BYTES) {
        const n = lines;
        lines += 1;
        const line = isBad(n) ? `{"id":"${prefix}-${n}"}\n` : `${articleLine(n).replace('"id":"', `"id":"${prefix}-`)}\n`;
        produced += Buffer.byteLength(line);
        yield Buffer.from(line);
      }
    })(),
  );
  return { stream, lineCount: () => lines, byteCount: () => produced };
};

describe('bulk ingest streams its body', () => {
  const kafka = testKafka('gateway-streaming-test');
  // A topic of its own: 30 MB of test articles have no place on the contract topic that the dedup tests read.
  const topic = uniqueName('gateway.streaming.articles');
  let gateway: RunningGateway;

  beforeAll(async () => {
    gateway = await startGateway({ API_KEYS: KEY, ARTICLES_TOPIC: topic });
  });
  afterAll(() => gateway.app.close());

  it('takes a ~30 MB NDJSON body sent as a stream and stores every valid line', async () => {
    const prefix = uniqueName('big');
    const body = ndjsonStream(prefix);
    const response = await fetch(`${gateway.url}/v1/articles:bulk`, {
      method: 'POST',
      headers: { 'x-api-key': KEY, 'content-type': 'application/x-ndjson' },
      body: Readable.toWeb(body.stream) as ReadableStream,
      duplex: 'half',
    } as RequestInit);

    const lines = body.lineCount();
    const badLines = Array.from({ length: lines }, (_, n) => n).filter(isBad);
    expect(body.byteCount()).toBeGreaterThanOrEqual(TARGET_BYTES);
    expect(response.status).toBe(207);
    expect(await response.json()).toEqual({
      accepted: lines - badLines.length,
      rejected: badLines.length,
      listed: 'rejected',
      unlistedRejections: 0,
      lines: badLines.map((n) => ({ line: n + 1, status: 'rejected', errors: [{ field: 'body', problem: 'must be string and is missing' }] })),
    });
    expect(await topicRecordCount(kafka, topic)).toBe(lines - badLines.length);
  });
});
