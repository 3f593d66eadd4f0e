import { DEFAULT_MAX_BODY_BYTES, Topics } from '@app/contracts';
import { appConfigSchema, integer, list, port, topicName } from '@app/platform';
import { type z } from 'zod';

export const gatewayConfigSchema = appConfigSchema('gateway', {
  PORT: port(3000),
  // Required: an ingest endpoint with no keys would accept anyone's articles.
  API_KEYS: list('a comma-separated list of API keys'),
  // Same name and bounds as the dedup service: both sides must agree on what an oversized body is.
  MAX_BODY_BYTES: integer(1024, 16 * 1024 * 1024).default(DEFAULT_MAX_BODY_BYTES),
  RATE_LIMIT_PER_SECOND: integer(1, 1_000_000).default(100),
  RATE_LIMIT_BURST: integer(1, 1_000_000).default(200),
  // A bulk request takes one request token, however many lines it carries; its articles draw on this budget, and a
  // request past it is read at the budget's pace rather than refused.
  RATE_LIMIT_BULK_ARTICLES_PER_SECOND: integer(1, 10_000_000).default(2_000),
  RATE_LIMIT_BULK_ARTICLES_BURST: integer(1, 10_000_000).default(20_000),
  // A produce that Kafka has not acknowledged by then is answered with 503 instead of holding the client.
  KAFKA_PRODUCE_TIMEOUT_MS: integer(100, 120_000).default(10_000),
  // The contract topic. Overriding it is for isolated tests and staging prefixes: dedup reads news.articles.v1.
  ARTICLES_TOPIC: topicName().default(Topics.articles),
});

export type GatewayConfig = z.output<typeof gatewayConfigSchema>;
