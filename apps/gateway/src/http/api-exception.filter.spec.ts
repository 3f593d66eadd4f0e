import { Controller, Get, type INestApplication, Logger, NotFoundException, ServiceUnavailableException } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { KafkaUnavailableError } from '../kafka/kafka-unavailable.error';
import { ApiErrors } from './api-errors';
import { ApiExceptionFilter, toErrorResponse } from './api-exception.filter';
import { BodyTooLargeError } from './read-body';

describe('toErrorResponse', () => {
  it('passes our own error bodies through', () => {
    const problems = [{ field: 'body', problem: 'is empty' }];
    expect(toErrorResponse(ApiErrors.invalidArticle(problems))).toEqual({ status: 400, body: { error: 'invalid article', problems } });
  });

  it('maps the body reader and the producer failures to 413 and 503', () => {
    expect(toErrorResponse(new BodyTooLargeError(2048))).toMatchObject({ status: 413, body: { error: 'payload too large', limit: 2048 } });
    expect(toErrorResponse(new KafkaUnavailableError('no acknowledgement from Kafka within 5000 ms'))).toEqual({
      status: 503,
      body: {
        error: 'kafka unavailable',
        message: 'no acknowledgement from Kafka within 5000 ms, so the write may or may not be stored; retry after 5 s (see Retry-After): an id sent again stays one article',
      },
      retryAfterSeconds: 5,
    });
    const refused = toErrorResponse(new KafkaUnavailableError('256 writes are already waiting for Kafka', { maybeStored: false }));
    expect(refused.body).toMatchObject({ message: expect.stringMatching(/^256 writes are already waiting for Kafka, so the write was not stored; retry after 5 s/) });
  });

  it("reshapes Nest's stock exceptions and keeps bodies shaped on purpose", () => {
    expect(toErrorResponse(new NotFoundException('Cannot GET /nope'))).toEqual({ status: 404, body: { error: 'not found', message: 'Cannot GET /nope' } });
    const readiness = { status: 'error', info: {}, error: { kafka: { status: 'down', message: 'not connected' } }, details: { kafka: { status: 'down', message: 'not connected' } } };
    expect(toErrorResponse(new ServiceUnavailableException(readiness))).toEqual({ status: 503, body: readiness });
  });

  it('takes a body the client cut off for a client error, not a bug', () => {
    const aborted = Object.assign(new Error('aborted'), { code: 'ECONNRESET' });
    expect(toErrorResponse(aborted)).toMatchObject({ status: 400, body: { error: 'request aborted' } });
  });

  it('says nothing about an unknown error', () => {
    expect(toErrorResponse(new TypeError("Cannot read properties of undefined (reading 'x')"))).toEqual({ status: 500, body: { error: 'internal error' } });
    expect(toErrorResponse('a thrown string')).toEqual({ status: 500, body: { error: 'internal error' } });
  });
});

@Controller()
class FailingController {
  @Get('bug')
  bug(): never {
    throw new Error('secret detail in /srv/app/config.ts');
  }
}

describe('ApiExceptionFilter over HTTP', () => {
  let app: INestApplication;
  const logged: string[] = [];

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      controllers: [FailingController],
      providers: [{ provide: APP_FILTER, useClass: ApiExceptionFilter }],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    jest.spyOn(Logger.prototype, 'error').mockImplementation((message: unknown) => void logged.push(String(message)));
    await app.listen(0, '127.0.0.1');
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await app.close();
  });

  it('answers an unexpected failure with a bare 500 and logs the detail instead', async () => {
    const response = await fetch(`${await app.getUrl()}/bug`);
    expect(response.status).toBe(500);
    expect(await response.text()).toBe('{"error":"internal error"}');
    expect(logged.join('\n')).toContain('secret detail in /srv/app/config.ts');
    expect(logged.join('\n')).toContain('FailingController');
  });
});
