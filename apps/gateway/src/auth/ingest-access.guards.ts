import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { type IncomingMessage, type ServerResponse } from 'node:http';
import { ApiErrors } from '../http/api-errors';
import { RateLimiter } from '../rate-limit/token-bucket';
import { ApiKeys, presentedApiKey } from './api-keys';

/** A request that passed ApiKeyGuard carries the id (not the value) of its key. */
export type KeyedRequest = IncomingMessage & { apiKeyId?: string };

@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(private readonly keys: ApiKeys) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<KeyedRequest>();
    const presented = presentedApiKey(request.headers);
    const id = presented === undefined ? undefined : this.keys.identify(presented);
    if (id === undefined) throw ApiErrors.unauthorized();
    request.apiKeyId = id;
    return true;
  }
}

/** Runs after ApiKeyGuard: only known keys get a bucket, so the limiter's memory is bounded by the key list. */
@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(private readonly limiter: RateLimiter) {}

  canActivate(context: ExecutionContext): boolean {
    const http = context.switchToHttp();
    const take = this.limiter.take(http.getRequest<KeyedRequest>().apiKeyId ?? '');
    if (take.allowed) return true;
    http.getResponse<ServerResponse>().setHeader('Retry-After', String(take.retryAfterSeconds));
    throw ApiErrors.tooManyRequests(take.retryAfterSeconds);
  }
}
