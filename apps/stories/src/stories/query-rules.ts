import { z } from 'zod';

/** A page size: an integer from 1 to `max`, `fallback` when absent; a repeated parameter breaks the same rule. */
export const pageLimit = (max: number, fallback: number) => {
  const rule = `limit must be an integer from 1 to ${max}`;
  return z
    .string({ error: rule })
    .regex(/^\d{1,4}$/, rule)
    .transform(Number)
    .pipe(z.number().min(1, rule).max(max, rule))
    .default(fallback);
};

/** A query string of exactly these parameters: an unknown one is named, with the ones there are. */
export const strictQuery = <S extends z.ZodRawShape>(shape: S) =>
  z.strictObject(shape, {
    error: (issue) => (issue.code === 'unrecognized_keys' ? `unknown query parameter ${issue.keys.join(', ')}: use ${Object.keys(shape).join(', ')}` : undefined),
  });

/** A parsed query string, or one message that says what to fix (each rule once). */
export const parseQuery = <T>(schema: z.ZodType<T>, query: unknown): { ok: true; value: T } | { ok: false; message: string } => {
  const parsed = schema.safeParse(query);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, message: [...new Set(parsed.error.issues.map((issue) => issue.message))].join('; ') };
};
