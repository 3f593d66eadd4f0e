export interface RatePolicy {
  /** Tokens added per second: the sustained request rate. */
  readonly ratePerSecond: number;
  /** Bucket size: how many requests may arrive at once after a quiet spell. */
  readonly burst: number;
}

export interface Bucket {
  readonly tokens: number;
  /** Epoch milliseconds of the last refill. */
  readonly at: number;
}

export type Take = { readonly allowed: true; readonly bucket: Bucket } | { readonly allowed: false; readonly bucket: Bucket; readonly retryAfterSeconds: number };

/** The tokens a bucket holds now: full when new, refilled for the time elapsed, never beyond the burst. A clock
 * that steps back refills nothing. */
const refilled = (bucket: Bucket | undefined, now: number, policy: RatePolicy): number =>
  bucket === undefined ? policy.burst : Math.min(policy.burst, bucket.tokens + (Math.max(0, now - bucket.at) / 1000) * policy.ratePerSecond);

/** Refills for the time elapsed, then takes one token if there is one. */
export const takeToken = (bucket: Bucket | undefined, now: number, policy: RatePolicy): Take => {
  const tokens = refilled(bucket, now, policy);
  if (tokens >= 1) return { allowed: true, bucket: { tokens: tokens - 1, at: now } };
  // Retry-After is whole seconds; rounding up never sends a client back too early.
  return { allowed: false, bucket: { tokens, at: now }, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / policy.ratePerSecond)) };
};

/**
 * Takes `count` tokens whatever the bucket holds, and says how long the taker must wait before using them: the time
 * until a bucket left in debt has refilled to zero. Later reservations queue behind the debt, so a caller's takers
 * together go no faster than the rate.
 */
export const reserveTokens = (bucket: Bucket | undefined, now: number, policy: RatePolicy, count: number): { bucket: Bucket; waitMs: number } => {
  const tokens = refilled(bucket, now, policy) - count;
  return { bucket: { tokens, at: now }, waitMs: tokens >= 0 ? 0 : Math.ceil((-tokens / policy.ratePerSecond) * 1000) };
};

/**
 * One bucket per caller. Callers are API key ids, so the map is bounded by the configured keys: an unauthenticated
 * flood is turned away before it reaches the limiter and cannot grow it.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly policy: RatePolicy,
    private readonly now: () => number = Date.now,
  ) {}

  take(caller: string): Take {
    const result = takeToken(this.buckets.get(caller), this.now(), this.policy);
    this.buckets.set(caller, result.bucket);
    return result;
  }

  /** Milliseconds the caller must wait before using `count` tokens (see `reserveTokens`). */
  reserve(caller: string, count: number): number {
    const { bucket, waitMs } = reserveTokens(this.buckets.get(caller), this.now(), this.policy, count);
    this.buckets.set(caller, bucket);
    return waitMs;
  }
}
