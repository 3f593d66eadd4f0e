import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dedupTestEnv } from '../../dedup/support/dedup-env';
import { type InProcessDedup, startDedupInProcess, waitForRole } from '../../dedup/support/dedup-in-process';
import { type RunningGateway, startGateway } from '../../gateway/gateway-app';
import { type StoriesApp, startStoriesApp } from '../../stories/support/stories-app';
import { uniqueName } from '../../support/kafka';

export const API_KEY = 'e2e-key';

const fixture = (file: string): string[] =>
  readFileSync(join(__dirname, '..', '..', 'fixtures', 'engine', file), 'utf8')
    .split('\n')
    .filter((l) => l.trim());

export const SEEDS = fixture('seeds.articles.ndjson');
// Stream IDF means nothing on five documents: the engine first sees a CC BY 3.0 ECB+ sample, as a live feed would.
export const WARMUP = fixture('ecbplus-warmup.articles.ndjson');

export interface PipelineStack {
  readonly gateway: RunningGateway;
  readonly dedup: InProcessDedup;
  readonly stories: StoriesApp;
  readonly topics: { articles: string; storyEvents: string; dlq: string };
  postNdjson(lines: readonly string[]): Promise<Response>;
  stop(): Promise<void>;
}

/**
 * The three real apps in this process, wired as in production but on topics, groups and a PGlite database of
 * their own: gateway → articles → dedup (exactly-once) → story events → stories projection, REST, SSE, dashboard.
 */
export const startPipeline = async (name: string): Promise<PipelineStack> => {
  const env = dedupTestEnv(name, { DEDUP_RECORDS_PER_TRANSACTION: '50' });
  const dedup = await startDedupInProcess(env);
  const gateway = await startGateway({ API_KEYS: API_KEY, ARTICLES_TOPIC: env.ARTICLES_TOPIC, RATE_LIMIT_PER_SECOND: '1000', RATE_LIMIT_BURST: '1000' });
  await waitForRole(dedup, ['owner']);
  const stories = await startStoriesApp({
    flavour: 'PGlite',
    topic: env.STORY_EVENTS_TOPIC,
    groupId: uniqueName(`${name}.projection`),
    env: {
      ARTICLES_TOPIC: env.ARTICLES_TOPIC,
      ARTICLES_DLQ_TOPIC: env.ARTICLES_DLQ_TOPIC,
      DEDUP_GROUP_ID: env.DEDUP_GROUP_ID,
      OPS_PROBES: `gateway=${gateway.url},dedup=${await dedup.app.getUrl()}`,
      OPS_REFRESH_MS: '500',
    },
  });
  return {
    gateway,
    dedup,
    stories,
    topics: { articles: env.ARTICLES_TOPIC, storyEvents: env.STORY_EVENTS_TOPIC, dlq: env.ARTICLES_DLQ_TOPIC },
    postNdjson: (lines) =>
      fetch(`${gateway.url}/v1/articles:bulk`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-ndjson', 'x-api-key': API_KEY },
        body: `${lines.join('\n')}\n`,
      }),
    stop: async () => {
      await stories.stop();
      await gateway.app.close();
      await dedup.app.close();
    },
  };
};
