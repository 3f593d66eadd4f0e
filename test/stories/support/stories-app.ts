import { randomBytes } from 'node:crypto';
import { type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadConfig, sharedHttpSetup } from '@app/platform';
import { Pool } from 'pg';
import { AppModule } from '../../../apps/stories/src/app.module';
import { storiesConfigSchema } from '../../../apps/stories/src/config/stories.config';
import { type Database, DATABASE } from '../../../apps/stories/src/database/database';
import { StoryProjection } from '../../../apps/stories/src/projection/story-projection';
import { StoryFeed } from '../../../apps/stories/src/stream/story-feed';
import { testBrokers, uniqueName } from '../../support/kafka';

/** The PostgreSQL the machine provides for tests; each test works in a schema of its own. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export type Flavour = 'PostgreSQL' | 'PGlite';
export const FLAVOURS: Flavour[] = ['PostgreSQL', 'PGlite'];

export const uniqueSchema = (): string => `stories_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;

export const dropSchemas = async (schemas: readonly string[]): Promise<void> => {
  const pool = new Pool({ connectionString: TEST_DATABASE_URL });
  try {
    for (const schema of schemas) await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await pool.end();
  }
};

export interface StoriesApp {
  readonly url: string;
  readonly app: INestApplication;
  readonly db: Database;
  readonly projection: StoryProjection;
  readonly feed: StoryFeed;
  stop(): Promise<void>;
}

export interface StoriesAppOptions {
  readonly flavour: Flavour;
  readonly topic: string;
  /** PostgreSQL: the schema to use (fresh or reused). PGlite: ignored, it gets a database of its own. */
  readonly schema?: string;
  /** PGlite: a directory to persist to, so a restart finds what it stored. */
  readonly pgliteDir?: string;
  readonly groupId?: string;
  readonly heartbeatSeconds?: number;
  /** Another broker list than the test broker (an unreachable one, say). */
  readonly brokers?: string;
  /** Return as soon as HTTP listens instead of when /health/ready says ready. */
  readonly skipReadiness?: boolean;
  /** Further environment (the dashboard's topics and probes, say). */
  readonly env?: Record<string, string>;
}

export const waitFor = async (condition: () => Promise<boolean>, what: string, timeoutMs = 60_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

/** The stories app as main.ts builds it, on a free port, configured through its real environment schema. */
export const startStoriesApp = async (options: StoriesAppOptions): Promise<StoriesApp> => {
  const env: Record<string, string | undefined> = {
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    KAFKA_BROKERS: options.brokers ?? testBrokers().join(','),
    STORY_EVENTS_TOPIC: options.topic,
    STORIES_GROUP_ID: options.groupId ?? uniqueName('stories-projection'),
    SSE_HEARTBEAT_SECONDS: options.heartbeatSeconds === undefined ? undefined : String(options.heartbeatSeconds),
    ...(options.flavour === 'PostgreSQL'
      ? { DATABASE_URL: TEST_DATABASE_URL, DATABASE_SCHEMA: options.schema ?? uniqueSchema() }
      : { PGLITE_DIR: options.pgliteDir }),
    ...options.env,
  };
  const config = loadConfig(storiesConfigSchema, env);
  const app = await NestFactory.create(AppModule.forConfig(config), { logger: false, abortOnError: false });
  sharedHttpSetup(app);
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  if (options.skipReadiness !== true) await waitFor(async () => (await fetch(`${url}/health/ready`)).status === 200, 'the stories app to be ready');
  // Once only: a test may stop the app itself before afterAll does.
  let stopping: Promise<void> | undefined;
  const stop = () => (stopping ??= app.close());
  return { url, app, db: app.get<Database>(DATABASE), projection: app.get(StoryProjection), feed: app.get(StoryFeed), stop };
};
