import { appConfigSchema, list, port } from '@app/platform';
import { type z } from 'zod';

export const gatewayConfigSchema = appConfigSchema('gateway', {
  PORT: port(3000),
  // Required: an ingest endpoint with no keys would accept anyone's articles.
  API_KEYS: list('a comma-separated list of API keys'),
});

export type GatewayConfig = z.output<typeof gatewayConfigSchema>;
