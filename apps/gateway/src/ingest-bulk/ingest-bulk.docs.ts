import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiResponse } from '@nestjs/swagger';
import { type SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { ApiErrorResponse, ApiIngestErrors, schemaRef } from '../http/openapi';
import { BULK_LIMITS } from './ingest-ndjson';

export const bulkReportSchema: SchemaObject = {
  type: 'object',
  required: ['accepted', 'rejected', 'listed', 'unlistedRejections', 'lines'],
  properties: {
    accepted: { type: 'integer', description: 'lines stored in Kafka' },
    rejected: { type: 'integer', description: 'lines refused; nothing of them was stored' },
    listed: {
      type: 'string',
      enum: ['all', 'rejected'],
      description: `\`all\`: every non-blank line is in \`lines\`. \`rejected\`: the body had more than ${BULK_LIMITS.maxListedLines} lines, so only rejected lines are listed (the first ${BULK_LIMITS.maxListedLines}).`,
    },
    unlistedRejections: { type: 'integer', description: 'rejected lines beyond the listing cap' },
    lines: {
      type: 'array',
      items: {
        type: 'object',
        required: ['line', 'status'],
        properties: {
          line: { type: 'integer', description: 'line number in the body, from 1; blank lines count but are not listed' },
          id: { type: 'string', description: 'article id, for an accepted line' },
          status: { type: 'string', enum: ['accepted', 'rejected'] },
          errors: { type: 'array', items: schemaRef('Rejection') },
          ignoredFields: { type: 'array', items: { type: 'string' }, description: "an accepted line's fields the contract does not know: dropped, and named" },
        },
      },
    },
  },
};

export const IngestBulkDocs = () =>
  applyDecorators(
    ApiOperation({
      summary: 'Ingest many articles as NDJSON',
      description:
        'One article JSON per line, streamed: the body is never held whole, so it may be of any size. Each line is validated on its own; ' +
        'a bad line (invalid JSON included) is rejected alone. Valid lines are written to Kafka in batches, and the answer comes only ' +
        'after Kafka acknowledged all of them. Blank lines are skipped; a line longer than the body limit plus 64 KiB is rejected without being read. ' +
        "The request takes one token of the key's request limit; its articles draw on the key's bulk article budget, and past it the body is " +
        'read at the budget\'s pace (the request takes longer; no line is refused for it).',
    }),
    ApiConsumes('application/x-ndjson'),
    ApiBody({ schema: { type: 'string', description: 'one article JSON per line', example: '{"id":"a-1","body":"…"}\n{"id":"a-2","body":"…"}\n' } }),
    ApiResponse({ status: 200, description: 'Every line was accepted and stored.', schema: schemaRef('BulkReport') }),
    ApiResponse({ status: 207, description: 'Some lines were accepted and stored, some rejected: see `lines`.', schema: schemaRef('BulkReport') }),
    ApiResponse({ status: 400, description: 'No line was accepted (the report says why), or the body was empty (an Error).', schema: { oneOf: [schemaRef('BulkReport'), schemaRef('Error')] } }),
    ApiErrorResponse(503, 'Kafka failed part-way: batches acknowledged before the failure are stored, the rest are not; retry later.'),
    ApiIngestErrors(),
  );
