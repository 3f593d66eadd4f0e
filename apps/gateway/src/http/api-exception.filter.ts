import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { KafkaUnavailableError } from '../kafka/kafka-unavailable.error';
import { ApiErrors, type ErrorBody, KAFKA_RETRY_AFTER_SECONDS } from './api-errors';
import { BodyTooLargeError } from './read-body';

export interface ErrorResponse {
  readonly status: number;
  readonly body: ErrorBody | object;
  /** Seconds for a Retry-After header, when the answer is "not now". */
  readonly retryAfterSeconds?: number;
}

/**
 * Nest's stock exceptions (404 for an unknown route, …) carry `{statusCode, message, error}` and are reshaped;
 * a body shaped on purpose (ours, the readiness report) goes out as it is.
 */
const fromHttpException = (exception: HttpException): ErrorResponse => {
  const status = exception.getStatus();
  const response = exception.getResponse();
  if (typeof response === 'object' && !('statusCode' in response)) return { status, body: response as ErrorBody };
  const message = typeof response === 'string' ? response : (response as { message?: unknown }).message;
  const error = (HttpStatus[status] ?? 'error').toLowerCase().replaceAll('_', ' ');
  return { status, body: { error, ...(message === undefined ? {} : { message: Array.isArray(message) ? message.join('; ') : String(message) }) } };
};

/** How Node reports a request body cut off by the client (`abortIncoming` in node:_http_server). */
const isClientAbort = (exception: unknown): boolean =>
  exception instanceof Error && (exception as NodeJS.ErrnoException).code === 'ECONNRESET' && exception.message === 'aborted';

/** Maps anything a handler throws to a status and a JSON body. Unknown errors say nothing about their cause. */
export const toErrorResponse = (exception: unknown): ErrorResponse => {
  const known =
    isClientAbort(exception) ? ApiErrors.requestAborted()
    : exception instanceof BodyTooLargeError ? ApiErrors.payloadTooLarge(exception.limit)
    : exception instanceof KafkaUnavailableError ? ApiErrors.kafkaUnavailable(exception.message, exception.maybeStored, exception)
    : exception instanceof HttpException ? exception
    : undefined;
  if (!known) return { status: HttpStatus.INTERNAL_SERVER_ERROR, body: { error: 'internal error' } };
  const response = fromHttpException(known);
  return exception instanceof KafkaUnavailableError ? { ...response, retryAfterSeconds: KAFKA_RETRY_AFTER_SECONDS } : response;
};

/** The one place errors become responses: never a stack trace out, the detail in the log when there is one. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const { status, body, retryAfterSeconds } = toErrorResponse(exception);
    this.log(exception, status);
    const response = host.switchToHttp().getResponse<{ headersSent: boolean; destroyed: boolean; setHeader(name: string, value: string): void }>();
    // A client that went away mid-body cannot be answered; the log is all that is left to do.
    if (response.headersSent || response.destroyed) return;
    if (retryAfterSeconds !== undefined) response.setHeader('Retry-After', String(retryAfterSeconds));
    this.adapterHost.httpAdapter.reply(response, body, status);
  }

  /**
   * A 500 is a bug: its stack goes to the log. Another 5xx is an outage, told by its message and cause. A 4xx, or
   * a 5xx answered on purpose without a cause (a readiness probe saying "not ready"), is in the access log already.
   */
  private log(exception: unknown, status: number): void {
    if (status === HttpStatus.INTERNAL_SERVER_ERROR) {
      this.logger.error(`unexpected failure: ${exception instanceof Error ? (exception.stack ?? exception.message) : String(exception)}`);
    } else if (status > HttpStatus.INTERNAL_SERVER_ERROR && exception instanceof Error && !(exception instanceof HttpException && exception.cause === undefined)) {
      const cause = exception.cause instanceof Error ? ` (${exception.cause.message})` : '';
      this.logger.warn(`${status}: ${exception.message}${cause}`);
    }
  }
}
