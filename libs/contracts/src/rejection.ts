/** Why an input was refused: precise enough that a producer knows what to fix. */
export interface Rejection {
  /** Dotted path of the offending field, or `$` for the whole payload. */
  field: string;
  problem: string;
  /** The limit that was exceeded, when a limit was the reason. */
  limit?: number;
}

/** The text's first `chars` UTF-16 units, one fewer rather than half a surrogate pair. */
export const textStart = (text: string, chars: number): string => {
  if (text.length <= chars) return text;
  const last = text.charCodeAt(chars - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? chars - 1 : chars);
};

/** Field names are the input's own keys, of any length: an answer quotes at most this much of one. */
export const MAX_REPORTED_NAME_CHARS = 200;

/** The text as an answer quotes it: its first `chars` units, marked as cut when it was longer. */
export const clippedText = (text: string, chars: number): string => (text.length <= chars ? text : `${textStart(text, chars)}…`);

/** A field name or path as an answer quotes it: cut, and marked as cut, past `MAX_REPORTED_NAME_CHARS`. */
export const reportedName = (name: string): string => clippedText(name, MAX_REPORTED_NAME_CHARS);

/** `ignoredFields`: names the input carried that the contract does not know and dropped, when there were any. */
export type Parsed<T> = { ok: true; value: T; ignoredFields?: string[] } | { ok: false; rejections: Rejection[] };

export const describeRejections = (rejections: readonly Rejection[]): string =>
  rejections
    .map((r) => `${r.field}: ${r.problem}${r.limit === undefined ? '' : ` (limit ${r.limit})`}`)
    .join('; ');
