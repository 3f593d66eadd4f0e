/** A request the gateway must refuse with a 4xx and a reason; `expect` is the status it should answer. */
export interface HostileRequest {
  readonly kind: string;
  readonly expect: number;
  readonly path: '/v1/articles' | '/v1/articles:bulk';
  readonly headers: Record<string, string>;
  readonly body: string | Uint8Array<ArrayBuffer>;
}

/** One NDJSON line the gateway must reject on its own inside an otherwise valid bulk post. */
export interface HostileLine {
  readonly kind: string;
  readonly line: string;
}

const JSON_TYPE = { 'content-type': 'application/json' };
const big = (n: number, bytes: number): string => JSON.stringify({ id: `http-oversized-${n}`, body: 'word '.repeat(bytes / 5) });

/** Bad lines that travel inside the feeder's bulk posts; the gateway reports each one in its per-line report. */
const LINE_KINDS: ((n: number) => HostileLine)[] = [
  (n) => ({ kind: 'bad JSON line', line: `{"id":"line-bad-json-${n}","body":"cut off` }),
  (n) => ({ kind: 'missing body', line: JSON.stringify({ id: `line-no-body-${n}`, title: 'A title only' }) }),
  (n) => ({ kind: 'wrong types', line: JSON.stringify({ id: n, body: ['not', 'a', 'string'], publishedAt: 12 }) }),
  (n) => ({ kind: '__proto__ key', line: `{"id":"line-proto-${n}","body":"Looks fine.","__proto__":{"isAdmin":true}}` }),
  (n) => ({ kind: 'lone surrogate', line: `{"id":"line-surrogate-${n}","body":"half an emoji: \\ud83d then text"}` }),
  (n) => ({ kind: 'id over 256 chars', line: JSON.stringify({ id: `x${n}`.padEnd(300, 'x'), body: 'Body.' }) }),
  (n) => ({ kind: 'not an object', line: ['null', `[${n}]`, `"text ${n}"`][n % 3] }),
];

/** Whole requests, each refused as a unit: wrong framing, missing credentials, oversized or malformed bodies. */
const REQUEST_KINDS: ((n: number, apiKey: string) => HostileRequest)[] = [
  (n, key) => ({ kind: 'bad JSON', expect: 400, path: '/v1/articles', headers: { ...JSON_TYPE, 'x-api-key': key }, body: `{"id":"http-bad-json-${n}",` }),
  (n, key) => ({ kind: 'missing body', expect: 400, path: '/v1/articles', headers: { ...JSON_TYPE, 'x-api-key': key }, body: JSON.stringify({ id: `http-no-body-${n}` }) }),
  (n, key) => ({
    kind: 'wrong types',
    expect: 400,
    path: '/v1/articles',
    headers: { ...JSON_TYPE, 'x-api-key': key },
    body: JSON.stringify({ id: `http-types-${n}`, body: 42, title: { nested: true }, language: 7 }),
  }),
  (n, key) => ({
    kind: '__proto__ key',
    expect: 400,
    path: '/v1/articles',
    headers: { ...JSON_TYPE, 'x-api-key': key },
    body: `{"id":"http-proto-${n}","body":"Looks fine.","meta":{"__proto__":{"polluted":1}}}`,
  }),
  (n, key) => ({
    kind: 'lone surrogate',
    expect: 400,
    path: '/v1/articles',
    headers: { ...JSON_TYPE, 'x-api-key': key },
    body: `{"id":"http-surrogate-${n}","body":"\\udc00 alone"}`,
  }),
  // Only some are 5 MB: the point is that the gateway refuses them unread, not to spend the run uploading.
  (n, key) => ({ kind: n % 50 === 9 ? '5 MB body' : '1.1 MB body', expect: n % 50 === 9 ? 413 : 400, path: '/v1/articles', headers: { ...JSON_TYPE, 'x-api-key': key }, body: big(n, n % 50 === 9 ? 5 * 1024 * 1024 : 1_100_000) }),
  (n, key) => ({ kind: 'wrong content type', expect: 415, path: '/v1/articles', headers: { 'content-type': 'text/plain', 'x-api-key': key }, body: `id=${n}` }),
  (n) => ({ kind: 'no API key', expect: 401, path: '/v1/articles', headers: JSON_TYPE, body: JSON.stringify({ id: `http-no-key-${n}`, body: 'Body.' }) }),
  (_, key) => ({ kind: 'wrong API key', expect: 401, path: '/v1/articles:bulk', headers: { 'content-type': 'application/x-ndjson', 'x-api-key': `${key}-not` }, body: '{"id":"a","body":"b"}\n' }),
  (_, key) => ({ kind: 'empty bulk', expect: 400, path: '/v1/articles:bulk', headers: { 'content-type': 'application/x-ndjson', 'x-api-key': key }, body: '\n\n' }),
  (n, key) => ({
    kind: 'bulk of bad lines only',
    expect: 400,
    path: '/v1/articles:bulk',
    headers: { 'content-type': 'application/x-ndjson', 'x-api-key': key },
    body: `${LINE_KINDS.map((make) => make(n).line).join('\n')}\n`,
  }),
  (n, key) => ({
    kind: 'nested 20,000 deep',
    expect: 400,
    path: '/v1/articles',
    headers: { ...JSON_TYPE, 'x-api-key': key },
    body: `{"id":"http-deep-${n}","body":"b","x":${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}}`,
  }),
  (n, key) => ({
    kind: 'not UTF-8',
    expect: 400,
    path: '/v1/articles',
    headers: { ...JSON_TYPE, 'x-api-key': key },
    body: Buffer.from(`{"id":"http-latin1-${n}-caf\xe9","body":"Body."}`, 'latin1'),
  }),
  (n, key) => ({ kind: 'bad date and language', expect: 400, path: '/v1/articles', headers: { ...JSON_TYPE, 'x-api-key': key }, body: JSON.stringify({ id: `http-date-${n}`, body: 'Body.', publishedAt: 'yesterday', language: 'english!' }) }),
];

export const hostileRequests = (count: number, apiKey: string): HostileRequest[] => Array.from({ length: count }, (_, i) => REQUEST_KINDS[i % REQUEST_KINDS.length](i, apiKey));

export const hostileLines = (count: number): HostileLine[] => Array.from({ length: count }, (_, i) => LINE_KINDS[i % LINE_KINDS.length](i));

export interface Refusal {
  readonly kind: string;
  readonly status: number;
  /** `error` of the response plus its first problem: what the client is told to fix. */
  readonly reason: string;
  /** The answer is not the 4xx expected, or carries a stack trace. */
  readonly wrong?: string;
}

interface ErrorBody {
  error?: string;
  message?: string;
  problems?: { field: string; problem: string }[];
  lines?: { status: string; errors?: { field: string; problem: string }[] }[];
}

const STACK_TRACE = /\n\s+at .+\(.+:\d+:\d+\)/;

export const firstProblem = (problems: readonly { field: string; problem: string }[] | undefined): string =>
  problems?.[0] ? ` (${problems[0].field}: ${problems[0].problem.split(/[:(]/)[0].replace(/\d+/g, 'N').trim()})` : '';

/** Sends one hostile request and says how the gateway refused it. */
export const sendHostile = async (baseUrl: string, request: HostileRequest): Promise<Refusal> => {
  const response = await fetch(`${baseUrl}${request.path}`, { method: 'POST', headers: request.headers, body: request.body });
  const text = await response.text();
  let body: ErrorBody = {};
  try {
    body = JSON.parse(text) as ErrorBody;
  } catch {
    // A non-JSON answer is itself a finding: reported through `wrong` below.
  }
  const problems = body.problems ?? body.lines?.find((l) => l.status === 'rejected')?.errors;
  const reason = `${response.status} ${body.error ?? '(no error field)'}${firstProblem(problems)}`;
  const wrong =
    STACK_TRACE.test(text) ? 'carries a stack trace' : response.status !== request.expect ? `expected ${request.expect}` : body.error === undefined && !body.lines ? 'no reason given' : undefined;
  return wrong ? { kind: request.kind, status: response.status, reason, wrong } : { kind: request.kind, status: response.status, reason };
};
