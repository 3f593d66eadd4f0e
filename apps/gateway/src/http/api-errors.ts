import { HttpException, HttpStatus } from '@nestjs/common';
import { type Rejection } from '@app/contracts';

/** Every error response has this shape: a short stable `error`, and what to do about it. */
export interface ErrorBody {
  readonly error: string;
  readonly message?: string;
  readonly problems?: readonly Rejection[];
  readonly limit?: number;
}

/** How long a client is asked to wait after Kafka did not take a write: about a broker's restart or leader change. */
export const KAFKA_RETRY_AFTER_SECONDS = 5;

const fail = (status: HttpStatus, body: ErrorBody, cause?: unknown): HttpException =>
  new HttpException(body, status, cause === undefined ? {} : { cause });

export const ApiErrors = {
  invalidArticle: (problems: readonly Rejection[]) => fail(HttpStatus.BAD_REQUEST, { error: 'invalid article', problems }),
  emptyBulk: () =>
    fail(HttpStatus.BAD_REQUEST, { error: 'empty body', message: 'send one JSON article per line, each line ending with a newline' }),
  requestAborted: () => fail(HttpStatus.BAD_REQUEST, { error: 'request aborted', message: 'the request body ended before it was complete' }),
  unauthorized: () =>
    fail(HttpStatus.UNAUTHORIZED, {
      error: 'unauthorized',
      message: 'send a valid API key in the x-api-key header, or as Authorization: Bearer <key>',
    }),
  payloadTooLarge: (limit: number) =>
    fail(HttpStatus.PAYLOAD_TOO_LARGE, {
      error: 'payload too large',
      message: `the request body is larger than ${limit} bytes; send one article per request within that, or many through POST /v1/articles:bulk`,
      limit,
    }),
  unsupportedMediaType: (expected: string) =>
    fail(HttpStatus.UNSUPPORTED_MEDIA_TYPE, { error: 'unsupported media type', message: `send Content-Type: ${expected} in UTF-8` }),
  tooManyRequests: (retryAfterSeconds: number) =>
    fail(HttpStatus.TOO_MANY_REQUESTS, {
      error: 'too many requests',
      message: `the rate limit for this API key is exhausted; retry after ${retryAfterSeconds} s (see Retry-After)`,
    }),
  /** `reason`: the gateway's own words for what went wrong (no acknowledgement, no connection, too many writes
   * waiting); `maybeStored`: whether the write reached Kafka before it went wrong. */
  kafkaUnavailable: (reason: string, maybeStored: boolean, cause: unknown) =>
    fail(
      HttpStatus.SERVICE_UNAVAILABLE,
      {
        error: 'kafka unavailable',
        message: `${reason}, so the write ${maybeStored ? 'may or may not be' : 'was not'} stored; retry after ${KAFKA_RETRY_AFTER_SECONDS} s (see Retry-After): an id sent again stays one article`,
      },
      cause,
    ),
};
