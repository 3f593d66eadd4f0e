import { z } from 'zod';
import { Parsed, Rejection, reportedName } from './rejection';

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
export const MAX_ID_LENGTH = 256;
/** Room for the other fields and JSON escaping around a body at its limit. */
export const ENVELOPE_ALLOWANCE_BYTES = 64 * 1024;
/** The largest encoded article (an HTTP body, an NDJSON line, a Kafka value) worth parsing at all. */
export const maxArticleBytes = (maxBodyBytes = DEFAULT_MAX_BODY_BYTES): number => maxBodyBytes + ENVELOPE_ALLOWANCE_BYTES;

const wellFormed = (s: string): boolean => s.isWellFormed();
const unicode = () => z.string().refine(wellFormed, { message: 'contains a lone UTF-16 surrogate (not valid Unicode)' });
const text = (max: number) => unicode().max(max, `is longer than ${max} characters`);

/** Whether an instant (epoch ms) has a four-digit year, 1 to 9999, in UTC: what ISO-8601 text (and PostgreSQL) can
 * hold. An offset can carry a valid-looking date past it ("9999-12-31T23:00:00-02:00" is in the year 10000). */
export const isCalendarTime = (ms: number): boolean => {
  const year = new Date(ms).getUTCFullYear();
  return year >= 1 && year <= 9999;
};

const isoDateTime = z.iso
  .datetime({ offset: true, local: false, error: 'must be an ISO-8601 time with its zone, such as 2022-09-06T10:00:00Z or 2022-09-06T12:00:00+02:00' })
  // Text that is no time at all already has its reason from the format check.
  .refine(
    (iso) => {
      const ms = Date.parse(iso);
      return Number.isNaN(ms) || isCalendarTime(ms);
    },
    { message: 'must be a time between the years 1 and 9999 (UTC)' },
  );

/** BCP-47 in its common shapes: `en`, `en-GB`, `zh-Hant-TW`, `es-419`. */
const bcp47 = /^[A-Za-z]{2,3}(-[A-Za-z]{4})?(-([A-Za-z]{2}|[0-9]{3}))?(-[A-Za-z0-9]{5,8})*$/;

const buildArticleSchema = (maxBodyBytes: number) =>
  z.object({
    id: text(MAX_ID_LENGTH)
      .min(1, 'is empty')
      // Ids travel in URLs, logs and database keys; a NUL or a line break in one is a broken producer.
      .refine((id) => !/[\u0000-\u001f\u007f]/.test(id), { message: 'contains a control character' }),
    body: unicode()
      .describe(`the full text as scraped; at most ${maxBodyBytes} bytes of UTF-8`)
      .refine((b) => b.trim().length > 0, { message: 'is empty' })
      .refine((b) => Buffer.byteLength(b, 'utf8') <= maxBodyBytes, {
        message: `is larger than ${maxBodyBytes} bytes of UTF-8`,
      }),
    title: text(4096).optional(),
    source: text(512).optional(),
    url: text(4096).optional(),
    publishedAt: isoDateTime.optional(),
    language: z.string().regex(bcp47, 'is not a BCP-47 language tag such as "en" or "en-GB"').optional(),
  });

// Building the schema costs far more than validating a typical article with it, so one is kept per limit.
const schemasByLimit = new Map<number, ReturnType<typeof buildArticleSchema>>();

export const articleSchema = (maxBodyBytes = DEFAULT_MAX_BODY_BYTES): ReturnType<typeof buildArticleSchema> => {
  let schema = schemasByLimit.get(maxBodyBytes);
  if (schema === undefined) {
    schema = buildArticleSchema(maxBodyBytes);
    schemasByLimit.set(maxBodyBytes, schema);
  }
  return schema;
};

export type Article = z.infer<ReturnType<typeof articleSchema>>;

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** How many ignored fields an answer names: enough to show a misspelling, not a producer's whole payload. */
export const MAX_IGNORED_FIELDS = 20;

/** An article is flat; unknown fields may nest, but not without end. */
export const MAX_NESTING = 64;

type Inspection = { field: string; problem: string; limit?: number } | undefined;

/**
 * Prototype-pollution keys are refused rather than silently dropped: they mark a hostile or broken producer. The
 * walk keeps its own stack, so a value nested 100,000 deep is refused with a reason instead of overflowing the
 * call stack (JSON.parse itself takes such nesting).
 */
const inspectKeys = (root: object): Inspection => {
  const stack: { value: object; path: string; depth: number }[] = [{ value: root, path: '$', depth: 1 }];
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    if (top.depth > MAX_NESTING) return { field: top.path, problem: `nests deeper than ${MAX_NESTING} levels`, limit: MAX_NESTING };
    for (const key of Object.keys(top.value)) {
      const path = top.path === '$' ? reportedName(key) : reportedName(`${top.path}.${reportedName(key)}`);
      if (FORBIDDEN_KEYS.has(key)) return { field: path, problem: 'is a forbidden key (prototype pollution)' };
      const child = (top.value as Record<string, unknown>)[key];
      if (child !== null && typeof child === 'object') stack.push({ value: child, path, depth: top.depth + 1 });
    }
  }
  return undefined;
};

const limitOf = (issue: z.core.$ZodIssue): number | undefined => {
  if (issue.code === 'too_big' || issue.code === 'too_small') {
    return Number((issue as { maximum?: number; minimum?: number }).maximum ?? (issue as { minimum?: number }).minimum);
  }
  return undefined;
};

const toRejection = (issue: z.core.$ZodIssue, maxBodyBytes: number): Rejection => {
  const field = issue.path.length ? issue.path.join('.') : '$';
  const limit = issue.message.startsWith('is larger than') ? maxBodyBytes : limitOf(issue);
  const problem =
    issue.code === 'invalid_type'
      ? `must be ${issue.expected}${issue.message.includes('received undefined') ? ' and is missing' : ''}`
      : issue.message;
  return limit === undefined ? { field, problem } : { field, problem, limit };
};

/** Validates an already-decoded JSON value as an article; unknown fields are dropped. */
export const validateArticle = (value: unknown, maxBodyBytes = DEFAULT_MAX_BODY_BYTES): Parsed<Article> => {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, rejections: [{ field: '$', problem: 'must be a JSON object' }] };
  }
  const refused = inspectKeys(value);
  if (refused) return { ok: false, rejections: [refused] };
  const schema = articleSchema(maxBodyBytes);
  const result = schema.safeParse(value);
  if (result.success) {
    // Dropped, as the contract says, but named: a misspelt field (published_at) would otherwise vanish unnoticed.
    const ignoredFields = Object.keys(value)
      .filter((key) => !Object.hasOwn(schema.shape, key))
      .slice(0, MAX_IGNORED_FIELDS)
      .map(reportedName);
    return ignoredFields.length === 0 ? { ok: true, value: result.data } : { ok: true, value: result.data, ignoredFields };
  }
  return { ok: false, rejections: result.error.issues.map((i) => toRejection(i, maxBodyBytes)) };
};

/** Refuses bytes that are not UTF-8 instead of replacing them; a leading byte-order mark is dropped (RFC 8259 lets a
 * parser ignore one). */
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes raw bytes (a Kafka value or an HTTP line) into an article.
 * The byte limit is checked before JSON.parse so a 5 MB payload costs no parse.
 */
export const parseArticle = (raw: Buffer | string | null, maxBodyBytes = DEFAULT_MAX_BODY_BYTES): Parsed<Article> => {
  if (raw === null || raw.length === 0) return { ok: false, rejections: [{ field: '$', problem: 'is empty' }] };
  const bytes = typeof raw === 'string' ? Buffer.byteLength(raw, 'utf8') : raw.length;
  const limit = maxArticleBytes(maxBodyBytes);
  if (bytes > limit) {
    return {
      ok: false,
      rejections: [{ field: '$', problem: `is ${bytes} bytes, larger than the body limit plus envelope`, limit }],
    };
  }
  let json: string;
  try {
    json = typeof raw === 'string' ? raw.replace(/^\uFEFF/, '') : strictUtf8.decode(raw);
  } catch {
    // Decoding leniently would turn each bad byte into U+FFFD: two different ids could become one.
    return { ok: false, rejections: [{ field: '$', problem: 'is not valid UTF-8' }] };
  }
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    return { ok: false, rejections: [{ field: '$', problem: `is not valid JSON: ${(error as Error).message}` }] };
  }
  return validateArticle(value, maxBodyBytes);
};
