import { applyDecorators, type INestApplication } from '@nestjs/common';
import { ApiBearerAuth, ApiResponse, ApiSecurity, DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { type SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

const API_KEY_SCHEME = 'api-key';
const BEARER_SCHEME = 'bearer';

/** A reference to a schema that setupOpenApi puts into the document's components. */
export const schemaRef = (name: string) => ({ $ref: `#/components/schemas/${name}` });

const rejectionSchema: SchemaObject = {
  type: 'object',
  required: ['field', 'problem'],
  properties: {
    field: { type: 'string', description: 'dotted path of the offending field, `$` for the whole payload', example: 'body' },
    problem: { type: 'string', example: 'must be string and is missing' },
    limit: { type: 'number', description: 'the limit that was exceeded, when a limit was the reason' },
  },
};

const errorSchema: SchemaObject = {
  type: 'object',
  required: ['error'],
  properties: {
    error: { type: 'string', description: 'short and stable, for programs', example: 'invalid article' },
    message: { type: 'string', description: 'what to fix, for people' },
    problems: { type: 'array', items: schemaRef('Rejection'), description: 'field by field, for an invalid article' },
    limit: { type: 'number', description: 'the byte limit, for a 413' },
  },
};

export const ApiErrorResponse = (status: number, description: string) => ApiResponse({ status, description, schema: schemaRef('Error') });

/** What every ingest route can answer besides its own results: authentication, rate limit, media type, a bug. */
export const ApiIngestErrors = () =>
  applyDecorators(
    ApiSecurity(API_KEY_SCHEME),
    ApiBearerAuth(BEARER_SCHEME),
    ApiErrorResponse(401, 'No API key, or an unknown one: send it in `x-api-key` or as `Authorization: Bearer <key>`.'),
    ApiErrorResponse(415, 'Wrong Content-Type, or a charset other than UTF-8.'),
    ApiResponse({
      status: 429,
      description: 'The rate limit of this API key is exhausted; `Retry-After` says how many seconds to wait.',
      headers: { 'Retry-After': { description: 'seconds to wait', schema: { type: 'integer' } } },
      schema: schemaRef('Error'),
    }),
    ApiErrorResponse(500, 'An unexpected failure; the detail is in the gateway log, never in the response.'),
  );

/** Swagger UI at /docs and the OpenAPI document at /docs-json, with the named schemas the routes refer to. */
export const setupOpenApi = (app: INestApplication, schemas: Record<string, SchemaObject>): void => {
  const config = new DocumentBuilder()
    .setTitle('Newsroom story stream: gateway')
    .setDescription('HTTP ingest of news articles into Kafka (`news.articles.v1`, keyed by article id).')
    .setVersion('1')
    .addApiKey({ type: 'apiKey', in: 'header', name: 'x-api-key' }, API_KEY_SCHEME)
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'the same API key as a Bearer token' }, BEARER_SCHEME)
    .build();
  const options = { customSiteTitle: 'Gateway API' };
  SwaggerModule.setup('docs', app, () => {
    const document = SwaggerModule.createDocument(app, config);
    document.components = {
      ...document.components,
      schemas: { ...document.components?.schemas, Error: errorSchema, Rejection: rejectionSchema, ...schemas },
    };
    return document;
  }, options);
};
