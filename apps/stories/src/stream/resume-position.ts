import { z } from 'zod';

const RULE = 'Last-Event-ID (or ?lastEventId=) must be the id of an event this stream sent: a sequence number, 0 or more';

const sequenceNumber = z.string({ error: RULE }).regex(/^\d{1,15}$/, RULE).transform(Number);
const querySchema = z.strictObject(
  { lastEventId: sequenceNumber.optional() },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? `unknown query parameter ${issue.keys.join(', ')}: use lastEventId` : undefined) },
);

/**
 * Where a client resumes: after the sequence number in the Last-Event-ID header (sent by EventSource when it
 * reconnects) or else in ?lastEventId= (for a page that opens a new EventSource itself); undefined = live only.
 */
export const parseResumePosition = (header: string | undefined, query: unknown): { ok: true; after: number | undefined } | { ok: false; message: string } => {
  const parsedQuery = querySchema.safeParse(query);
  if (!parsedQuery.success) return { ok: false, message: [...new Set(parsedQuery.error.issues.map((issue) => issue.message))].join('; ') };
  if (header === undefined || header === '') return { ok: true, after: parsedQuery.data.lastEventId };
  const parsedHeader = sequenceNumber.safeParse(header.trim());
  return parsedHeader.success ? { ok: true, after: parsedHeader.data } : { ok: false, message: RULE };
};
