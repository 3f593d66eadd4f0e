import { z } from 'zod';
import { DEFAULT_MAX_BODY_BYTES } from '@app/contracts';

const integer = (name: string, min: number, max: number) =>
  z.coerce.number({ error: `${name} must be a number` }).int(`${name} must be an integer`).min(min, `${name} must be at least ${min}`).max(max, `${name} must be at most ${max}`);

/** Every setting of the dedup service, from the environment, with defaults; validated once at start. */
export const dedupConfigSchema = z.object({
  KAFKA_BROKERS: z.string({ error: 'KAFKA_BROKERS is required (comma-separated host:port list)' }).min(1, 'KAFKA_BROKERS is required'),
  KAFKA_CLIENT_ID: z.string().default('story-dedup'),
  PORT: integer('PORT', 1, 65535).default(3001),
  DEDUP_GROUP_ID: z.string().min(1).default('news.story-dedup.v1'),
  DEDUP_TRANSACTIONAL_ID: z.string().min(1).default('news.story-dedup.v1'),
  DEDUP_RECORDS_PER_TRANSACTION: integer('DEDUP_RECORDS_PER_TRANSACTION', 1, 10_000).default(200),
  STORY_WINDOW_DAYS: integer('STORY_WINDOW_DAYS', 1, 365).default(7),
  MAX_BODY_BYTES: integer('MAX_BODY_BYTES', 1024, 16 * 1024 * 1024).default(DEFAULT_MAX_BODY_BYTES),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace']).default('info'),
});

export type DedupConfig = z.infer<typeof dedupConfigSchema>;

/** Fails fast with every bad variable named, rather than at the first Kafka call. */
export const loadDedupConfig = (env: NodeJS.ProcessEnv = process.env): DedupConfig => {
  const result = dedupConfigSchema.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message} (got ${JSON.stringify(env[String(i.path[0])])})`);
  throw new Error(`Invalid configuration: ${problems.join('; ')}`);
};
