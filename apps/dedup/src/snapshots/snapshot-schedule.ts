export interface SnapshotPolicy {
  readonly everyEvents: number;
  readonly everyMs: number;
}

/** Whichever comes first; and never a snapshot that would only repeat the last one. */
export const snapshotDue = (policy: SnapshotPolicy, eventsSince: number, msSince: number): boolean =>
  eventsSince > 0 && (eventsSince >= policy.everyEvents || msSince >= policy.everyMs);
