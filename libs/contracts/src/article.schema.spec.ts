import { MAX_IGNORED_FIELDS, MAX_NESTING, parseArticle, validateArticle } from './article.schema';
import { MAX_REPORTED_NAME_CHARS } from './rejection';

const valid = { id: 'a-1', body: 'Russia buys rockets from North Korea.' };
const rejection = (raw: string, max?: number) => {
  const parsed = parseArticle(raw, max);
  if (parsed.ok) throw new Error(`accepted ${raw.slice(0, 80)}`);
  return parsed.rejections;
};

describe('parseArticle', () => {
  it('accepts the minimal article', () => {
    expect(parseArticle(JSON.stringify(valid))).toEqual({ ok: true, value: valid });
  });

  it('drops unknown fields and names them, so a misspelt field does not vanish unnoticed', () => {
    expect(parseArticle(JSON.stringify({ ...valid, tracking: { x: 1 }, score: 3 }))).toEqual({ ok: true, value: valid, ignoredFields: ['tracking', 'score'] });
    expect(parseArticle(JSON.stringify({ ...valid, published_at: '2022-09-06T10:00:00Z', toString: 'x' }))).toEqual({
      ok: true,
      value: valid,
      ignoredFields: ['published_at', 'toString'],
    });
  });

  it('names ignored fields within bounds, whatever keys a producer sends: at most 20, each cut to 200 characters', () => {
    const longKey = `k${'é'.repeat(200_000)}`;
    const many = Object.fromEntries(Array.from({ length: 1_000 }, (_, i) => [`extra${i}`, i]));
    const parsed = parseArticle(JSON.stringify({ ...valid, [longKey]: 1, ...many }));
    if (!parsed.ok) throw new Error('refused');
    expect(parsed.ignoredFields).toHaveLength(MAX_IGNORED_FIELDS);
    expect(parsed.ignoredFields![0]).toBe(`${longKey.slice(0, MAX_REPORTED_NAME_CHARS)}…`);
    expect(parsed.ignoredFields!.slice(1)).toEqual(Array.from({ length: MAX_IGNORED_FIELDS - 1 }, (_, i) => `extra${i}`));
  });

  it('quotes a refused key path within bounds, however long its keys', () => {
    const key = 'n'.repeat(100_000);
    const [refused] = rejection(`{"id":"a-1","body":"x","${key}":{"${key}":{"__proto__":1}}}`);
    expect(refused.problem).toBe('is a forbidden key (prototype pollution)');
    expect(refused.field.length).toBeLessThanOrEqual(MAX_REPORTED_NAME_CHARS + 1);
    expect(refused.field.endsWith('…')).toBe(true);
  });

  it('rejects a missing body, naming the field', () => {
    expect(rejection(JSON.stringify({ id: 'a-1' }))).toEqual([{ field: 'body', problem: expect.stringContaining('missing') }]);
  });

  it('rejects an empty or blank body', () => {
    expect(rejection(JSON.stringify({ id: 'a-1', body: ' \n ' }))).toEqual([{ field: 'body', problem: 'is empty' }]);
  });

  it('rejects wrong types field by field', () => {
    const fields = rejection(JSON.stringify({ id: 7, body: ['x'], title: false })).map((r) => r.field);
    expect(fields.sort()).toEqual(['body', 'id', 'title']);
  });

  it('rejects an empty or overlong id with its limit', () => {
    expect(rejection(JSON.stringify({ ...valid, id: '' }))).toEqual([{ field: 'id', problem: 'is empty', limit: 1 }]);
    expect(rejection(JSON.stringify({ ...valid, id: 'x'.repeat(257) }))).toEqual([{ field: 'id', problem: 'is longer than 256 characters', limit: 256 }]);
    expect(rejection(JSON.stringify({ ...valid, title: 't'.repeat(4097) }))).toEqual([{ field: 'title', problem: 'is longer than 4096 characters', limit: 4096 }]);
  });

  it('rejects a body over the configured limit and says which limit', () => {
    const body = 'é'.repeat(600); // 1200 bytes of UTF-8: the limit counts bytes, not characters
    expect(parseArticle(JSON.stringify({ ...valid, body }), 1200).ok).toBe(true);
    expect(rejection(JSON.stringify({ ...valid, body: `${body}x` }), 1200)).toEqual([
      { field: 'body', problem: expect.stringContaining('1200 bytes'), limit: 1200 },
    ]);
  });

  it('rejects a payload far over the limit before parsing it', () => {
    const [r] = rejection(`{"id":"a","body":"${'x'.repeat(70_000)}`, 100); // truncated JSON too: never parsed
    expect(r).toMatchObject({ field: '$', limit: 100 + 64 * 1024 });
  });

  it('refuses prototype-pollution keys at any depth', () => {
    expect(rejection('{"id":"a","body":"b","__proto__":{"admin":true}}')).toEqual([
      { field: '__proto__', problem: expect.stringContaining('forbidden') },
    ]);
    expect(rejection('{"id":"a","body":"b","meta":{"constructor":{"prototype":1}}}')[0].field).toBe('meta.constructor');
  });

  it('refuses a value nested without end with a reason, where a recursive walk overflowed the call stack', () => {
    const deep = `{"id":"a","body":"b","x":${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}}`;
    expect(rejection(deep)).toEqual([{ field: `x${'.a'.repeat(MAX_NESTING - 1)}`, problem: `nests deeper than ${MAX_NESTING} levels`, limit: MAX_NESTING }]);
    const nestedJustEnough = `{"id":"a","body":"b","x":${'{"a":'.repeat(MAX_NESTING - 1)}1${'}'.repeat(MAX_NESTING - 1)}}`;
    expect(parseArticle(nestedJustEnough).ok).toBe(true);
  });

  it('refuses bytes that are not UTF-8 instead of replacing them, so two ids cannot become one', () => {
    const withByte = (byte: number) => Buffer.concat([Buffer.from('{"id":"a'), Buffer.from([byte]), Buffer.from('","body":"b"}')]);
    expect(parseArticle(withByte(0xff))).toEqual({ ok: false, rejections: [{ field: '$', problem: 'is not valid UTF-8' }] });
    expect(parseArticle(withByte(0xfe))).toEqual({ ok: false, rejections: [{ field: '$', problem: 'is not valid UTF-8' }] });
  });

  it('ignores a leading byte-order mark, in bytes and in text', () => {
    expect(parseArticle(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify(valid))]))).toEqual({ ok: true, value: valid });
    expect(parseArticle(`\uFEFF${JSON.stringify(valid)}`)).toEqual({ ok: true, value: valid });
  });

  it('rejects a lone surrogate', () => {
    expect(rejection(JSON.stringify({ id: 'a', body: 'broken \ud800 text' }))).toEqual([
      { field: 'body', problem: expect.stringContaining('surrogate') },
    ]);
  });

  it('rejects bad JSON, empty input and non-objects', () => {
    expect(rejection('{"id": "a", "body": ')[0]).toMatchObject({ field: '$', problem: expect.stringContaining('not valid JSON') });
    expect(parseArticle(null)).toEqual({ ok: false, rejections: [{ field: '$', problem: 'is empty' }] });
    expect(rejection('[1,2]')).toEqual([{ field: '$', problem: 'must be a JSON object' }]);
  });

  it('accepts Buffers as Kafka delivers them', () => {
    expect(parseArticle(Buffer.from(JSON.stringify(valid)))).toEqual({ ok: true, value: valid });
  });

  it.each(['2022-09-06T10:00:00Z', '2022-09-06T10:00:00+02:00'])('accepts publishedAt %s', (publishedAt) => {
    expect(validateArticle({ ...valid, publishedAt }).ok).toBe(true);
  });

  it.each(['yesterday', '2022-09-06', '2022-09-06T10:00:00'])('rejects publishedAt %s, saying what a time looks like', (publishedAt) => {
    expect(rejection(JSON.stringify({ ...valid, publishedAt }))).toEqual([
      { field: 'publishedAt', problem: 'must be an ISO-8601 time with its zone, such as 2022-09-06T10:00:00Z or 2022-09-06T12:00:00+02:00' },
    ]);
  });

  it.each(['9999-12-31T23:00:00-02:00', '0000-06-01T00:00:00Z', '0000-01-01T00:30:00+01:00'])(
    'rejects publishedAt %s, whose instant is outside the years 1 to 9999 and could not be written back as ISO-8601',
    (publishedAt) => {
      expect(rejection(JSON.stringify({ ...valid, publishedAt }))).toEqual([{ field: 'publishedAt', problem: 'must be a time between the years 1 and 9999 (UTC)' }]);
    },
  );

  it('accepts the first and the last instants of the calendar', () => {
    for (const publishedAt of ['0001-01-01T00:00:00Z', '9999-12-31T23:59:59Z']) expect(parseArticle(JSON.stringify({ ...valid, publishedAt })).ok).toBe(true);
  });

  it.each(['a\u0000b', 'line\nbreak', 'tab\tid'])('rejects an id with a control character (%j)', (id) => {
    expect(rejection(JSON.stringify({ ...valid, id }))).toEqual([{ field: 'id', problem: 'contains a control character' }]);
  });

  it.each(['en', 'en-GB', 'zh-Hant-TW', 'es-419'])('accepts language %s', (language) => {
    expect(validateArticle({ ...valid, language }).ok).toBe(true);
  });

  it.each(['english', 'e', 'en_GB', 'en-'])('rejects language %s', (language) => {
    expect(rejection(JSON.stringify({ ...valid, language }))).toEqual([{ field: 'language', problem: expect.stringContaining('BCP-47') }]);
  });
});
