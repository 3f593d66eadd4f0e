/** Why an input was refused: precise enough that a producer knows what to fix. */
export interface Rejection {
  /** Dotted path of the offending field, or `$` for the whole payload. */
  field: string;
  problem: string;
  /** The limit that was exceeded, when a limit was the reason. */
  limit?: number;
}

/** `ignoredFields`: names the input carried that the contract does not know and dropped, when there were any. */
export type Parsed<T> = { ok: true; value: T; ignoredFields?: string[] } | { ok: false; rejections: Rejection[] };

export const describeRejections = (rejections: readonly Rejection[]): string =>
  rejections
    .map((r) => `${r.field}: ${r.problem}${r.limit === undefined ? '' : ` (limit ${r.limit})`}`)
    .join('; ');
