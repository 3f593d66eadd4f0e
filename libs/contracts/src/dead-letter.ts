import { z } from 'zod';

/** What lands on the dead-letter topic: the input as it came, why it was refused, and where it came from. */
export const deadLetterSchema = z.object({
  reasons: z
    .array(
      z.object({
        field: z.string().describe('dotted path of the offending field, or $ for the whole payload'),
        problem: z.string(),
        limit: z.number().optional().describe('the limit that was exceeded, when a limit was the reason'),
      }),
    )
    .min(1),
  source: z.object({ topic: z.string(), partition: z.number().int().nonnegative(), offset: z.string() }),
  payload: z.string().nullable().describe('the original value: UTF-8 text when it decodes cleanly, else base64'),
  payloadEncoding: z.enum(['utf8', 'base64']),
  truncatedFrom: z
    .number()
    .int()
    .positive()
    .optional()
    .describe('set when payload holds only the first bytes of a value too large for this topic: the whole value\'s size in bytes (source still points at all of it)'),
});
export type DeadLetter = z.infer<typeof deadLetterSchema>;

export const deadLetterPayload = (value: Buffer | null): Pick<DeadLetter, 'payload' | 'payloadEncoding'> => {
  if (value === null) return { payload: null, payloadEncoding: 'utf8' };
  const text = value.toString('utf8');
  return Buffer.from(text, 'utf8').equals(value) ? { payload: text, payloadEncoding: 'utf8' } : { payload: value.toString('base64'), payloadEncoding: 'base64' };
};
