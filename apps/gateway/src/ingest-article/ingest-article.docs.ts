import { applyDecorators } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBody, ApiConsumes, ApiOperation } from '@nestjs/swagger';
import { type SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { z } from 'zod';
import { articleSchema } from '@app/contracts';
import { ApiErrorResponse, ApiIngestErrors, schemaRef } from '../http/openapi';

/** The request schema, derived from the contract's zod schema so the docs cannot drift from the validation. */
export const articleJsonSchema = (maxBodyBytes: number): SchemaObject => {
  const schema = z.toJSONSchema(articleSchema(maxBodyBytes), { io: 'input', target: 'openapi-3.0' }) as SchemaObject;
  const properties = schema.properties as Record<string, SchemaObject>;
  return {
    ...schema,
    description: 'One news article. Unknown fields are accepted and dropped.',
    properties: {
      ...properties,
      id: { ...properties.id, description: 'unique article id, used as the Kafka key', example: 'ap-2022-09-06-001' },
      publishedAt: { ...properties.publishedAt, description: 'ISO-8601 with Z or an offset' },
      language: { ...properties.language, description: 'BCP-47, such as en or en-GB' },
    },
  };
};

export const acceptedArticleSchema: SchemaObject = {
  type: 'object',
  required: ['id', 'topic', 'partition', 'offset'],
  properties: {
    id: { type: 'string' },
    topic: { type: 'string', example: 'news.articles.v1' },
    partition: { type: 'integer' },
    offset: { type: 'string', description: 'Kafka offset (a 64-bit integer, as a string)' },
    ignoredFields: {
      type: 'array',
      items: { type: 'string' },
      description: 'fields the article carried that the contract does not know: dropped, and named so that a misspelt one (published_at) shows; absent when there were none',
      example: ['published_at'],
    },
  },
};

export const IngestArticleDocs = () =>
  applyDecorators(
    ApiOperation({
      summary: 'Ingest one article',
      description: 'Validates the article and writes it to Kafka. 202 comes only after Kafka acknowledged the write (acks=all).',
    }),
    ApiConsumes('application/json'),
    ApiBody({ schema: schemaRef('Article') }),
    ApiAcceptedResponse({ description: 'Stored in Kafka; dedup will decide its story.', schema: schemaRef('AcceptedArticle') }),
    ApiErrorResponse(400, 'Not a valid article: `problems` lists each field, what is wrong and the limit if one was exceeded.'),
    ApiErrorResponse(413, 'The request body is larger than the body limit plus 64 KiB for the other fields.'),
    ApiErrorResponse(503, 'Kafka did not acknowledge in time: the article is not confirmed stored; retry later.'),
    ApiIngestErrors(),
  );
