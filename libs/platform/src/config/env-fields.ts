import { z } from 'zod';

/**
 * Builders for environment variables. Each carries the one sentence that tells an operator what is expected, and
 * loadConfig prints it next to the variable's name, so every rule reads "<NAME> must be …".
 */

export const integer = (min: number, max: number) => {
  const expected = `must be an integer between ${min} and ${max}`;
  return z
    .string({ error: expected })
    .regex(/^-?\d+$/, expected)
    .transform(Number)
    .pipe(z.number().int().min(min, expected).max(max, expected));
};

/** A decimal number such as 0.2 (no exponent, no sign), within bounds. */
export const decimal = (min: number, max: number) => {
  const expected = `must be a decimal number between ${min} and ${max}`;
  return z
    .string({ error: expected })
    .regex(/^\d+(\.\d+)?$|^\.\d+$/, expected)
    .transform(Number)
    .pipe(z.number().min(min, expected).max(max, expected));
};

export const port = (fallback: number) => integer(1, 65_535).default(fallback);

const TRUE = ['true', '1', 'yes'] as const;
const FALSE = ['false', '0', 'no'] as const;

export const flag = (fallback: boolean) =>
  z
    .enum([...TRUE, ...FALSE], { error: 'must be true or false' })
    .transform((value) => (TRUE as readonly string[]).includes(value))
    .default(fallback);

export const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: `must be one of ${values.join(', ')}` });

export const text = () => z.string({ error: 'must be a non-empty string' }).min(1, 'must be a non-empty string');

/** A name Kafka accepts for a topic: a bad one would only show at the first produce, as a retriable-looking error. */
export const topicName = () =>
  z.string({ error: 'must be a Kafka topic name' }).regex(/^[A-Za-z0-9._-]{1,249}$/, "must be a Kafka topic name: 1 to 249 letters, digits, '.', '_' or '-'");

/** A comma-separated list of at least one entry; blanks around commas and empty entries are dropped. */
export const list = (expected: string, entryPattern = /./) => {
  const message = `must be ${expected}`;
  return z
    .string({ error: message })
    .transform((value) =>
      value
        .split(',')
        .map((entry) => entry.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().regex(entryPattern, message)).min(1, message));
};
