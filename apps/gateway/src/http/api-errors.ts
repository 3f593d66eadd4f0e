import { HttpException, HttpStatus } from '@nestjs/common';
import { type Rejection } from '@app/contracts';

/** Every error response has this shape: a short stable `error`, and what to do about it. */
export interface ErrorBody {
  readonly error: string;
  readonly message?: string;
  readonly problems?: readonly Rejection[];
  readonly limit?: number;
}

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
  kafkaUnavailable: (cause: unknown) =>
    fail(
      HttpStatus.SERVICE_UNAVAILABLE,
      {
        error: 'kafka unavailable',
        message: 'Kafka did not acknowledge the write in time, so it may or may not be stored; retry later: an id sent again stays one article',
      },
      cause,
    ),
};
