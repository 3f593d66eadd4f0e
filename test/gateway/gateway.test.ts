import { type Server } from 'node:http';
import { PassThrough, Readable } from 'node:stream';
import { Topics } from '@app/contracts';
import { testKafka, uniqueName } from '../support/kafka';
import { closedPort, readTopicToEnd, type RunningGateway, startGateway } from './gateway-app';
import { expectApiSecurityHeaders } from '../support/security-headers';

const KEY = 'gateway-test-key';
const OTHER_KEY = 'gateway-other-key';
const THIRD_KEY = 'gateway-third-key';
const run = uniqueName('gw');

const json = { 'content-type': 'application/json', 'x-api-key': KEY };
const ndjson = { 'content-type': 'application/x-ndjson', 'x-api-key': KEY };
const article = (id: string) => ({
  id,
  title: `Headline ${id}`,
  body: `Ministers met on Tuesday to discuss the harbour project ${id}.\n\nThe vote is expected next week.`,
  source: 'Gateway Test Wire',
  publishedAt: '2026-11-21T09:00:00Z',
  language: 'en',
});

/** A 5xx body must never carry a stack trace, a file path or an exception class. */
const expectNoInternals = (text: string) => {
  expect(text).not.toMatch(/\bat \S+ \(|\.ts:\d+|node_modules|Error:/);
};

describe('gateway on a real broker', () => {
  const kafka = testKafka('gateway-test');
  let gateway: RunningGateway;

  beforeAll(async () => {
    gateway = await startGateway({ API_KEYS: `${KEY},${OTHER_KEY}`, RATE_LIMIT_PER_SECOND: '1000', RATE_LIMIT_BURST: '1000' });
  });
  afterAll(() => gateway.app.close());

  const post = (path: string, body: string, headers: Record<string, string>) => fetch(`${gateway.url}${path}`, { method: 'POST', headers, body });

  describe('POST /v1/articles', () => {
    it('answers 202 after Kafka acknowledged, and the normalised article is on news.articles.v1 under its id', async () => {
      const sent = { ...article(`${run}-single`), tracking: { campaign: 'x' } };
      const response = await post('/v1/articles', JSON.stringify(sent), json);
      expect(response.status).toBe(202);
      const accepted = (await response.json()) as { id: string; topic: string; partition: number; offset: string };
      expect(accepted).toEqual({ id: sent.id, topic: Topics.articles, partition: expect.any(Number), offset: expect.stringMatching(/^\d+$/), ignoredFields: ['tracking'] });

      const records = (await readTopicToEnd(kafka, Topics.articles)).filter((r) => r.key === sent.id);
      expect(records).toEqual([{ key: sent.id, partition: accepted.partition, offset: accepted.offset, value: expect.any(String) }]);
      expect(JSON.parse(records[0].value!)).toEqual(article(sent.id));
    });

    it('takes the key as a Bearer token too', async () => {
      const response = await post('/v1/articles', JSON.stringify(article(`${run}-bearer`)), {
        'content-type': 'application/json; charset=utf-8',
        authorization: `Bearer ${OTHER_KEY}`,
      });
      expect(response.status).toBe(202);
    });

    it.each([
      ['no key', {}],
      ['an unknown key', { 'x-api-key': 'not-a-key' }],
      ['a prefix of a key', { 'x-api-key': KEY.slice(0, -1) }],
      ['Basic auth', { authorization: `Basic ${Buffer.from(`user:${KEY}`).toString('base64')}` }],
    ])('answers 401 to %s and says which header to send', async (_, auth) => {
      const response = await post('/v1/articles', JSON.stringify(article(`${run}-unauthorised`)), { 'content-type': 'application/json', ...auth });
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ error: 'unauthorized', message: expect.stringMatching(/x-api-key.*Authorization: Bearer/) });
    });

    it('answers 400 with the reason for each bad field', async () => {
      const response = await post('/v1/articles', JSON.stringify({ id: 7, title: false, language: 'english' }), json);
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({
        error: 'invalid article',
        problems: [
          { field: 'id', problem: 'must be string' },
          { field: 'body', problem: 'must be string and is missing' },
          { field: 'title', problem: 'must be string' },
          { field: 'language', problem: 'is not a BCP-47 language tag such as "en" or "en-GB"' },
        ],
      });
    });

    it('answers 400 to broken JSON, an empty body and a body over the limit, naming the limit', async () => {
      const broken = await post('/v1/articles', '{"id": "a", "body": ', json);
      expect(broken.status).toBe(400);
      expect(await broken.json()).toEqual({ error: 'invalid article', problems: [{ field: '$', problem: expect.stringContaining('is not valid JSON') }] });

      const empty = await post('/v1/articles', '', json);
      expect(await empty.json()).toEqual({ error: 'invalid article', problems: [{ field: '$', problem: 'is empty' }] });

      const oversized = await post('/v1/articles', JSON.stringify({ id: 'big', body: 'x'.repeat(1024 * 1024 + 1) }), json);
      expect(oversized.status).toBe(400);
      expect(await oversized.json()).toEqual({
        error: 'invalid article',
        problems: [{ field: 'body', problem: 'is larger than 1048576 bytes of UTF-8', limit: 1048576 }],
      });
    });

    it('answers 400, never 500, to bytes that are not UTF-8 and to JSON nested without end', async () => {
      const latin1 = await fetch(`${gateway.url}/v1/articles`, { method: 'POST', headers: json, body: Buffer.from('{"id":"caf\xe9","body":"b"}', 'latin1') });
      expect(latin1.status).toBe(400);
      expect(await latin1.json()).toEqual({ error: 'invalid article', problems: [{ field: '$', problem: 'is not valid UTF-8' }] });

      const deep = await post('/v1/articles', `{"id":"a","body":"b","x":${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}}`, json);
      expect(deep.status).toBe(400);
      expect(await deep.json()).toEqual({ error: 'invalid article', problems: [{ field: expect.stringMatching(/^x(\.a)+$/), problem: 'nests deeper than 64 levels', limit: 64 }] });
    });

    it('answers 413 to a 2 MB request body', async () => {
      const response = await post('/v1/articles', JSON.stringify({ id: 'huge', body: 'x'.repeat(2 * 1024 * 1024) }), json);
      expect(response.status).toBe(413);
      expect(await response.json()).toEqual({ error: 'payload too large', message: expect.stringContaining('1114112 bytes'), limit: 1114112 });
    });

    it('answers 415 to a body that is not JSON in UTF-8', async () => {
      for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=utf-16']) {
        const response = await post('/v1/articles', JSON.stringify(article('x')), { ...json, 'content-type': contentType });
        expect(response.status).toBe(415);
        expect(await response.json()).toEqual({ error: 'unsupported media type', message: 'send Content-Type: application/json in UTF-8' });
      }
    });
  });

  describe('POST /v1/articles:bulk', () => {
    const prefix = `${run}-bulk`;
    const idOf = (line: number) => `${prefix}-${String(line).padStart(4, '0')}`;
    /** Line number → the bad line and the exact errors it must get. */
    const bad: Record<number, { text: string; errors: unknown[] }> = {
      3: { text: `{"id":"${prefix}-broken","body":`, errors: [{ field: '$', problem: expect.stringContaining('is not valid JSON') }] },
      10: { text: `{"id":"${prefix}-nobody","title":"t"}`, errors: [{ field: 'body', problem: 'must be string and is missing' }] },
      100: {
        text: `{"id":"${prefix}-types","body":42,"title":["t"]}`,
        errors: [
          { field: 'body', problem: 'must be string' },
          { field: 'title', problem: 'must be string' },
        ],
      },
      250: { text: `{"id":"${prefix}-proto","body":"b","__proto__":{"admin":true}}`, errors: [{ field: '__proto__', problem: 'is a forbidden key (prototype pollution)' }] },
      400: {
        text: `{"id":"${prefix}-surrogate","body":"broken \\ud800 text"}`,
        errors: [{ field: 'body', problem: 'contains a lone UTF-16 surrogate (not valid Unicode)' }],
      },
      555: { text: '[1,2,3]', errors: [{ field: '$', problem: 'must be a JSON object' }] },
      700: { text: `{"id":"","body":"no id"}`, errors: [{ field: 'id', problem: expect.any(String), limit: 1 }] },
      999: {
        text: JSON.stringify({ id: `${prefix}-overlong`, body: 'y'.repeat(1_200_000) }),
        errors: [{ field: '$', problem: expect.stringContaining('longer than the limit'), limit: 1114112 }],
      },
    };
    const BLANK = 500;
    const LINES = 1_000;

    it('streams ~1,000 lines: the exact per-line report, and exactly the valid articles on the topic', async () => {
      const lines = Array.from({ length: LINES }, (_, i) => {
        const line = i + 1;
        if (line === BLANK) return '';
        return bad[line]?.text ?? JSON.stringify({ ...article(idOf(line)), extra: 'dropped' });
      });
      const response = await post('/v1/articles:bulk', `${lines.join('\r\n')}\n`, ndjson);
      expect(response.status).toBe(207);

      const validLines = lines.map((_, i) => i + 1).filter((line) => line !== BLANK && !(line in bad));
      expect(await response.json()).toEqual({
        accepted: validLines.length,
        rejected: Object.keys(bad).length,
        listed: 'all',
        unlistedRejections: 0,
        lines: lines
          .map((_, i) => i + 1)
          .filter((line) => line !== BLANK)
          .map((line) => (line in bad ? { line, status: 'rejected', errors: bad[line].errors } : { line, id: idOf(line), status: 'accepted', ignoredFields: ['extra'] })),
      });

      const mine = (await readTopicToEnd(kafka, Topics.articles)).filter((r) => r.key?.startsWith(prefix));
      expect(mine.map((r) => r.key).sort()).toEqual(validLines.map(idOf).sort());
      for (const record of mine) expect(JSON.parse(record.value!)).toEqual(article(record.key!));
    });

    it('answers 200 when every line is accepted, naming the fields it dropped from a line', async () => {
      const body = [JSON.stringify(article(`${prefix}-ok-1`)), JSON.stringify({ ...article(`${prefix}-ok-2`), published_at: '2022-09-06T10:00:00Z' })].join('\n');
      const response = await post('/v1/articles:bulk', body, ndjson);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({
        accepted: 2,
        rejected: 0,
        lines: [
          { line: 1, id: `${prefix}-ok-1`, status: 'accepted' },
          { line: 2, id: `${prefix}-ok-2`, status: 'accepted', ignoredFields: ['published_at'] },
        ],
      });
    });

    it('answers 400 with the report when no line is accepted, and 400 to an empty body', async () => {
      const allBad = await post('/v1/articles:bulk', 'nope\n{"id":"x"}\n', ndjson);
      expect(allBad.status).toBe(400);
      expect(await allBad.json()).toMatchObject({ accepted: 0, rejected: 2, lines: [{ line: 1, status: 'rejected' }, { line: 2, status: 'rejected' }] });

      const empty = await post('/v1/articles:bulk', '\n\n', ndjson);
      expect(empty.status).toBe(400);
      expect(await empty.json()).toEqual({ error: 'empty body', message: expect.stringContaining('one JSON article per line') });
    });

    it('answers 415 to JSON or any type other than NDJSON, and 401 without a key', async () => {
      const asJson = await post('/v1/articles:bulk', JSON.stringify(article('x')), json);
      expect(asJson.status).toBe(415);
      expect(await asJson.json()).toEqual({ error: 'unsupported media type', message: 'send Content-Type: application/x-ndjson in UTF-8' });
      expect((await post('/v1/articles:bulk', '{}', { 'content-type': 'application/x-ndjson' })).status).toBe(401);
    });

    it('does not take the colon for a path parameter', async () => {
      expect((await post('/v1/articles:other', '{}', ndjson)).status).toBe(404);
    });
  });

  describe('health', () => {
    it('is live without a key, and ready once the producer is connected to Kafka', async () => {
      expect((await fetch(`${gateway.url}/health`)).status).toBe(200);
      // The producer connects in the background after start; the probe turns ready once it has.
      let ready = await fetch(`${gateway.url}/health/ready`);
      for (let attempt = 0; ready.status !== 200 && attempt < 60; attempt += 1) {
        await new Promise((resolve) => setTimeout(resolve, 500));
        ready = await fetch(`${gateway.url}/health/ready`);
      }
      expect(await ready.json()).toEqual({ status: 'ok', info: { kafka: { status: 'up' } }, error: {}, details: { kafka: { status: 'up' } } });
    });
  });

  describe('metrics', () => {
    it('counts the articles accepted and rejected per endpoint, and the requests per route, without a key', async () => {
      const counter = async (labels: string) => {
        const text = await (await fetch(`${gateway.url}/metrics`)).text();
        return Number(new RegExp(`^gateway_articles_total\\{${labels},service="gateway"\\} (\\d+)$`, 'm').exec(text)?.[1] ?? 0);
      };
      const before = await counter('endpoint="bulk",outcome="accepted"');
      const rejectedBefore = await counter('endpoint="bulk",outcome="rejected"');
      const lines = [JSON.stringify(article(`${run}-metrics-1`)), JSON.stringify(article(`${run}-metrics-2`)), '{"id":"no-body"}'];
      expect((await post('/v1/articles:bulk', `${lines.join('\n')}\n`, ndjson)).status).toBe(207);
      expect(await counter('endpoint="bulk",outcome="accepted"')).toBe(before + 2);
      expect(await counter('endpoint="bulk",outcome="rejected"')).toBe(rejectedBefore + 1);
      const text = await (await fetch(`${gateway.url}/metrics`)).text();
      expect(text).toMatch(/http_requests_total\{method="POST",route="\/v1\/articles:bulk",status="207",service="gateway"\} [1-9]/);
    });
  });

  describe('headers and docs', () => {
    it('sends the security headers on answers and errors alike, and no X-Powered-By', async () => {
      for (const response of [await fetch(`${gateway.url}/health`), await post('/v1/articles', '{}', {}), await fetch(`${gateway.url}/nowhere`)]) {
        expectApiSecurityHeaders(response);
      }
    });

    it('serves Swagger UI at /docs, with a policy that lets its own scripts run', async () => {
      const page = await fetch(`${gateway.url}/docs`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toContain('text/html');
      expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
      const html = await page.text();
      expect(html).toContain('swagger-ui-bundle.js');
      const script = await fetch(`${gateway.url}/docs/swagger-ui-bundle.js`);
      expect(script.status).toBe(200);
      expect(script.headers.get('content-type')).toContain('javascript');
      expect((await fetch(`${gateway.url}/docs/swagger-ui-init.js`)).status).toBe(200);
    });

    it('describes both routes, the auth headers and the error shapes at /docs-json', async () => {
      const doc = (await (await fetch(`${gateway.url}/docs-json`)).json()) as {
        paths: Record<string, { post?: { responses: Record<string, unknown>; security?: unknown[] } }>;
        components: { securitySchemes: Record<string, unknown>; schemas: Record<string, { properties?: Record<string, unknown> }> };
      };
      expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/v1/articles', '/v1/articles:bulk']));
      expect(Object.keys(doc.paths['/v1/articles'].post!.responses).sort()).toEqual(['202', '400', '401', '413', '415', '429', '500', '503']);
      expect(Object.keys(doc.paths['/v1/articles:bulk'].post!.responses).sort()).toEqual(['200', '207', '400', '401', '415', '429', '500', '503']);
      expect(doc.paths['/v1/articles'].post!.security).toEqual(expect.arrayContaining([{ 'api-key': [] }, { bearer: [] }]));
      expect(doc.components.securitySchemes['api-key']).toEqual({ type: 'apiKey', in: 'header', name: 'x-api-key' });
      expect(Object.keys(doc.components.schemas.Error.properties!)).toEqual(['error', 'message', 'problems', 'limit']);
      expect(Object.keys(doc.components.schemas.Article.properties!)).toEqual(['id', 'body', 'title', 'source', 'url', 'publishedAt', 'language']);
    });
  });
});

describe("a key's bulk article budget", () => {
  const kafka = testKafka('gateway-budget-test');
  let gateway: RunningGateway;

  beforeAll(async () => {
    gateway = await startGateway({ API_KEYS: `${KEY},${OTHER_KEY}`, RATE_LIMIT_BULK_ARTICLES_PER_SECOND: '200', RATE_LIMIT_BULK_ARTICLES_BURST: '100' });
  });
  afterAll(() => gateway.app.close());

  it('slows a bulk request past it to the budget, and stores every line', async () => {
    const ids = Array.from({ length: 300 }, (_, i) => `${run}-budget-${i}`);
    const began = Date.now();
    const response = await fetch(`${gateway.url}/v1/articles:bulk`, { method: 'POST', headers: ndjson, body: `${ids.map((id) => JSON.stringify(article(id))).join('\n')}\n` });
    const elapsedMs = Date.now() - began;
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ accepted: 300, rejected: 0 });
    // 300 articles against a burst of 100 at 200/s: the 200 over the burst cannot be written in under a second.
    expect(elapsedMs).toBeGreaterThanOrEqual(1000);
    const stored = new Set((await readTopicToEnd(kafka, Topics.articles)).map((r) => r.key));
    expect(ids.filter((id) => !stored.has(id))).toEqual([]);

    // Another key has a budget of its own.
    const other = await fetch(`${gateway.url}/v1/articles:bulk`, {
      method: 'POST',
      headers: { ...ndjson, 'x-api-key': OTHER_KEY },
      body: `${JSON.stringify(article(`${run}-budget-other`))}\n`,
    });
    expect(other.status).toBe(200);
  });
});

describe('gateway limits and outages', () => {
  let gateway: RunningGateway;

  beforeAll(async () => {
    // Nothing listens on the broker port, and each key gets two requests and then one per second.
    gateway = await startGateway({
      KAFKA_BROKERS: `127.0.0.1:${await closedPort()}`,
      API_KEYS: `${KEY},${OTHER_KEY},${THIRD_KEY}`,
      RATE_LIMIT_PER_SECOND: '1',
      RATE_LIMIT_BURST: '2',
      KAFKA_PRODUCE_TIMEOUT_MS: '1500',
    });
  });
  afterAll(() => gateway.app.close());

  it('answers 429 with Retry-After once a key has used its burst, and other keys are unaffected', async () => {
    const statuses: number[] = [];
    let limited: Response | undefined;
    // The limiter runs before the body is looked at, so a 415 request is a cheap token spender.
    while (limited === undefined && statuses.length < 20) {
      const response = await fetch(`${gateway.url}/v1/articles`, { method: 'POST', headers: { 'x-api-key': KEY, 'content-type': 'text/plain' }, body: 'x' });
      statuses.push(response.status);
      if (response.status === 429) limited = response;
      else await response.arrayBuffer();
    }
    expect(limited).toBeDefined();
    expect(statuses.slice(0, 2)).toEqual([415, 415]);
    expect(Number(limited!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await limited!.json()).toEqual({ error: 'too many requests', message: expect.stringContaining('Retry-After') });

    const other = await fetch(`${gateway.url}/v1/articles`, { method: 'POST', headers: { 'x-api-key': OTHER_KEY, 'content-type': 'text/plain' }, body: 'x' });
    expect(other.status).toBe(415);
  });

  it('answers 503 within the produce timeout when Kafka is down, without internals in the body', async () => {
    const response = await fetch(`${gateway.url}/v1/articles`, {
      method: 'POST',
      headers: { 'authorization': `Bearer ${OTHER_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify(article(`${run}-outage`)),
    });
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ error: 'kafka unavailable', message: expect.stringMatching(/^(Kafka is unreachable|no acknowledgement from Kafka).*retry after 5 s/) });
    expectNoInternals(text);
  });

  it('stays live but not ready while Kafka is down', async () => {
    expect((await fetch(`${gateway.url}/health`)).status).toBe(200);
    const ready = await fetch(`${gateway.url}/health/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ status: 'error', error: { kafka: { status: 'down', message: 'not connected to Kafka yet' } } });
  });

  it('answers 503 to a bulk body it could not store', async () => {
    const body = [1, 2, 3].map((n) => JSON.stringify(article(`${run}-outage-${n}`))).join('\n');
    const response = await fetch(`${gateway.url}/v1/articles:bulk`, {
      method: 'POST',
      headers: { 'x-api-key': THIRD_KEY, 'content-type': 'application/x-ndjson' },
      body,
    });
    expect(response.status).toBe(503);
    expectNoInternals(await response.text());
  });
});

describe('gateway shutdown', () => {
  const kafka = testKafka('gateway-shutdown-test');

  it('answers a bulk request that is in flight when shutdown starts, with every line stored, then stops listening', async () => {
    const gateway = await startGateway({ API_KEYS: KEY });
    const prefix = `${run}-shutdown`;
    const server = gateway.app.getHttpServer() as Server;
    const arrived = new Promise<void>((resolve) => server.once('request', () => resolve()));
    const body = new PassThrough();
    const answer = fetch(`${gateway.url}/v1/articles:bulk`, {
      method: 'POST',
      headers: ndjson,
      body: Readable.toWeb(body) as ReadableStream,
      duplex: 'half',
    } as RequestInit);
    body.write(`${JSON.stringify(article(`${prefix}-1`))}\n`);
    await arrived;

    const closed = gateway.app.close();
    body.end(`${JSON.stringify(article(`${prefix}-2`))}\n`);
    const response = await answer;
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ accepted: 2, rejected: 0 });
    await closed;

    const mine = (await readTopicToEnd(kafka, Topics.articles)).filter((r) => r.key?.startsWith(prefix));
    expect(mine.map((r) => r.key).sort()).toEqual([`${prefix}-1`, `${prefix}-2`]);
    await expect(fetch(`${gateway.url}/health`)).rejects.toThrow();
  });
});
