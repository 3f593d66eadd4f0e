import { Topics } from '@app/contracts';
import { appConfigSchema, integer, port, text, topicName } from '@app/platform';
import { type z } from 'zod';
import { engineEnv } from './engine-settings';

export const dedupConfigSchema = appConfigSchema('story-dedup', {
  PORT: port(3001),
  DEDUP_GROUP_ID: text().default('news.story-dedup.v1'),
  // One id for every instance: the one that takes ownership fences the producer of the one it replaces.
  DEDUP_TRANSACTIONAL_ID: text().default('news.story-dedup.v1'),
  DEDUP_RECORDS_PER_TRANSACTION: integer(1, 10_000).default(200),
  // How long the group waits for a silent owner before a standby takes over (the broker allows 6000 at least).
  DEDUP_SESSION_TIMEOUT_MS: integer(6_000, 300_000).default(30_000),
  ...engineEnv,
  SNAPSHOT_EVERY_EVENTS: integer(1, 10_000_000).default(5_000),
  SNAPSHOT_EVERY_MS: integer(1_000, 24 * 60 * 60 * 1000).default(60_000),
  SNAPSHOT_DIR: text().default('./data/snapshots'),
  // The contract topics. Overriding them is for isolated tests and staging prefixes, as in the gateway.
  ARTICLES_TOPIC: topicName().default(Topics.articles),
  STORY_EVENTS_TOPIC: topicName().default(Topics.storyEvents),
  STORIES_TOPIC: topicName().default(Topics.stories),
  ARTICLES_DLQ_TOPIC: topicName().default(Topics.articlesDlq),
});

export type DedupConfig = z.output<typeof dedupConfigSchema>;
