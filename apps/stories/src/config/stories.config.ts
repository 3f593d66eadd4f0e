import { Topics } from '@app/contracts';
import { appConfigSchema, integer, list, port, text, topicName } from '@app/platform';
import { z } from 'zod';

export const storiesConfigSchema = appConfigSchema('stories', {
  PORT: port(3002),
  // Absent means the embedded PGlite database, so the read side runs with no server to install.
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/\S+$/, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  // Lower-case and short so it needs no quoting and still fits in a NOTIFY channel name (63 characters at most).
  DATABASE_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]{0,39}$/, 'must be a lower-case SQL name of at most 40 letters, digits or _, not starting with a digit')
    .optional(),
  // Absent means in memory: the read model is a projection of a log kept forever, so a restart simply replays it.
  PGLITE_DIR: text().optional(),
  STORIES_GROUP_ID: text().default('news.stories-projection.v1'),
  // The contract topic; configurable so tests and staging can project a log of their own.
  STORY_EVENTS_TOPIC: topicName().default(Topics.storyEvents),
  PROJECTION_EVENTS_PER_TRANSACTION: integer(1, 10_000).default(500),
  SSE_HEARTBEAT_SECONDS: integer(1, 300).default(15),
  // Each open stream holds a socket, a subscription and up to a few MB of unsent events.
  SSE_MAX_CLIENTS: integer(1, 100_000).default(1000),
  // The dashboard: how often it samples, whose readiness it shows, and which consumer group's lag it charts.
  OPS_REFRESH_MS: integer(200, 60_000).default(1000),
  // No user:password@: a probe's failure is shown on the dashboard, and fetch quotes the whole URL in its error.
  OPS_PROBES: list('a comma-separated list of name=http://host:port entries, without user:password@', /^[\w-]+=https?:\/\/[^\s@/]+(\/\S*)?$/).optional(),
  // Must match the dedup service's DEDUP_GROUP_ID and topics (the same names as there).
  DEDUP_GROUP_ID: text().default('news.story-dedup.v1'),
  ARTICLES_TOPIC: topicName().default(Topics.articles),
  ARTICLES_DLQ_TOPIC: topicName().default(Topics.articlesDlq),
});

export type StoriesConfig = z.output<typeof storiesConfigSchema>;
