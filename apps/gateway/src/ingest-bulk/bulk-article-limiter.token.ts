/** The per-key budget of articles that bulk requests write (a RateLimiter), apart from the per-request limit. */
export const BULK_ARTICLE_LIMITER = Symbol('BULK_ARTICLE_LIMITER');
