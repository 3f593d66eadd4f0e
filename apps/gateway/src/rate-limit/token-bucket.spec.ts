import { RateLimiter, reserveTokens, takeToken } from './token-bucket';

describe('takeToken', () => {
  const policy = { ratePerSecond: 2, burst: 3 };

  it('starts full, allows a burst, then refuses with the wait for the next token', () => {
    let bucket = undefined;
    for (let i = 0; i < 3; i += 1) {
      const take = takeToken(bucket, 0, policy);
      expect(take.allowed).toBe(true);
      bucket = take.bucket;
    }
    expect(takeToken(bucket, 0, policy)).toEqual({ allowed: false, bucket: { tokens: 0, at: 0 }, retryAfterSeconds: 1 });
  });

  it('refills at the rate and never beyond the burst', () => {
    const empty = { tokens: 0, at: 0 };
    expect(takeToken(empty, 499, policy).allowed).toBe(false);
    expect(takeToken(empty, 500, policy)).toEqual({ allowed: true, bucket: { tokens: 0, at: 500 } });
    expect(takeToken(empty, 60_000, policy)).toEqual({ allowed: true, bucket: { tokens: 2, at: 60_000 } });
  });

  it('rounds Retry-After up to whole seconds for slow rates', () => {
    const slow = { ratePerSecond: 1, burst: 1 };
    expect(takeToken({ tokens: 0, at: 0 }, 100, slow)).toMatchObject({ allowed: false, retryAfterSeconds: 1 });
    expect(takeToken({ tokens: 0.5, at: 0 }, 0, { ratePerSecond: 1, burst: 5 })).toMatchObject({ retryAfterSeconds: 1 });
  });

  it('does not refill when the clock steps back', () => {
    expect(takeToken({ tokens: 0, at: 10_000 }, 5_000, policy).allowed).toBe(false);
  });
});

describe('reserveTokens', () => {
  const policy = { ratePerSecond: 100, burst: 50 };

  it('takes from a full bucket without waiting, then makes the overdraft wait at the rate', () => {
    const first = reserveTokens(undefined, 0, policy, 30);
    expect(first).toEqual({ bucket: { tokens: 20, at: 0 }, waitMs: 0 });
    const second = reserveTokens(first.bucket, 0, policy, 120);
    expect(second).toEqual({ bucket: { tokens: -100, at: 0 }, waitMs: 1000 });
    // Queued behind the debt: 10 more tokens wait for the 100 owed and their own 10.
    expect(reserveTokens(second.bucket, 0, policy, 10).waitMs).toBe(1100);
  });

  it('lets the debt refill away with time, never beyond the burst', () => {
    expect(reserveTokens({ tokens: -100, at: 0 }, 1000, policy, 10)).toEqual({ bucket: { tokens: -10, at: 1000 }, waitMs: 100 });
    expect(reserveTokens({ tokens: -100, at: 0 }, 60_000, policy, 10)).toEqual({ bucket: { tokens: 40, at: 60_000 }, waitMs: 0 });
  });
});

describe('RateLimiter', () => {
  it('keeps one bucket per caller', () => {
    let now = 0;
    const limiter = new RateLimiter({ ratePerSecond: 1, burst: 1 }, () => now);
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('a').allowed).toBe(false);
    expect(limiter.take('b').allowed).toBe(true);
    now = 1_000;
    expect(limiter.take('a').allowed).toBe(true);
  });

  it('keeps reservations per caller too', () => {
    const limiter = new RateLimiter({ ratePerSecond: 10, burst: 10 }, () => 0);
    expect(limiter.reserve('a', 15)).toBe(500);
    expect(limiter.reserve('b', 10)).toBe(0);
    expect(limiter.reserve('a', 5)).toBe(1000);
  });
});
