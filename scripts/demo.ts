import { existsSync, readFileSync } from 'fs';
import { Kafka, logLevel } from 'kafkajs';
import { join } from 'path';
import { storyEventSchema, Topics } from '@app/contracts';
import { resolveBroker } from '../tools/kafka/resolve-broker';
import { startApp, stopApp, waitUntilReady } from './demo/app-process';

const ROOT = join(__dirname, '..');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'engine');
const SEEDS = join(FIXTURES, 'seeds.articles.ndjson');
const REPLAY = join(ROOT, '..', 'shared', 'data', 'replay', 'news-2018-07.articles.ndjson');
// Without ../shared the engine warms up on the project's own CC BY 3.0 ECB+ sample instead of the replay.
const FALLBACK_WARMUP = join(FIXTURES, 'ecbplus-warmup.articles.ndjson');
const API_KEY = 'demo-key';
const PORTS = { gateway: Number(process.env.GATEWAY_PORT ?? 3100), dedup: Number(process.env.DEDUP_PORT ?? 3101), stories: Number(process.env.STORIES_PORT ?? 3102) };
const url = (app: keyof typeof PORTS) => `http://127.0.0.1:${PORTS[app]}`;

const lines = (file: string): string[] => readFileSync(file, 'utf8').split('\n').filter((l) => l.trim());
const idOf = (line: string): string => (JSON.parse(line) as { id: string }).id;

const post = async (path: string, body: string, contentType: string): Promise<void> => {
  const response = await fetch(`${url('gateway')}${path}`, { method: 'POST', headers: { 'content-type': contentType, 'x-api-key': API_KEY }, body });
  if (response.status >= 300) throw new Error(`gateway answered ${response.status} to ${path}: ${(await response.text()).slice(0, 500)}`);
};

/**
 * `npm run demo`: a Kafka (yours via KAFKA_BROKERS, else one of ours), the three apps (stories on embedded PGlite),
 * the July 2018 replay and then the five seed articles posted through the gateway, and the story events printed as
 * a read_committed subscriber sees them. `--follow` keeps everything running for the dashboard until Ctrl-C.
 */
interface ArticleStory {
  story?: { id: string; articleCount: number };
}

/** The read model lags the story log a little: wait until the stories app has projected the article's story. */
const projectedStoryOf = async (articleId: string, timeoutMs = 30_000): Promise<ArticleStory> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await fetch(`${url('stories')}/v1/articles/${encodeURIComponent(articleId)}/story`);
    if (response.ok || Date.now() > deadline) return (await response.json()) as ArticleStory;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
};

const main = async (): Promise<void> => {
  const broker = await resolveBroker();
  process.stderr.write(`[demo] Kafka at ${broker.brokers} (${broker.source})\n`);
  const env = { KAFKA_BROKERS: broker.brokers };
  const apps = [
    startApp('dedup', { ...env, PORT: String(PORTS.dedup), SNAPSHOT_DIR: join(ROOT, 'data', 'demo-snapshots', String(Date.now())) }),
    startApp('gateway', { ...env, PORT: String(PORTS.gateway), API_KEYS: API_KEY, RATE_LIMIT_PER_SECOND: '1000', RATE_LIMIT_BURST: '1000' }),
    startApp('stories', { ...env, PORT: String(PORTS.stories), OPS_PROBES: `gateway=${url('gateway')},dedup=${url('dedup')}` }),
  ];
  const kafka = new Kafka({ ...broker.clientConfig('story-demo'), logLevel: logLevel.NOTHING });
  const consumer = kafka.consumer({ groupId: `story-demo-${Date.now()}`, readUncommitted: false });
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await consumer.disconnect().catch(() => undefined);
    await Promise.all(apps.map(stopApp));
    await broker.stop();
    process.exit(code);
  };
  process.once('SIGINT', () => void shutdown(130));
  process.once('SIGTERM', () => void shutdown(143));
  // An app that dies (a port already taken, a bad setting) ends the demo: otherwise it would wait for it forever,
  // or talk to whatever else answers on that port.
  for (const app of apps) {
    app.once('exit', (code, signal) => {
      if (stopping) return;
      process.stderr.write(`[demo] ${app.spawnargs.at(-1)} exited (${signal ?? `code ${code}`}); stopping\n`);
      void shutdown(1);
    });
  }

  // Whatever fails from here on, the apps and the broker this demo started are stopped, not left running.
  try {
    await Promise.all((['gateway', 'dedup', 'stories'] as const).map((app) => waitUntilReady(url(app), 120_000)));
    const warmup = lines(existsSync(REPLAY) ? REPLAY : FALLBACK_WARMUP);
    const seeds = lines(SEEDS);
    const expected = new Set([...warmup, ...seeds].map(idOf));
    const seen = new Set<string>();
    const counts = { stories: new Set<string>(), duplicate: 0, syndicated: 0, rewrite: 0, merges: 0 };
    const waiting = new Map<string, () => void>();
    /** Resolves once every id has its story event. */
    const storyEventsFor = (ids: readonly string[]) =>
      Promise.all(ids.filter((id) => !seen.has(id)).map((id) => new Promise<void>((resolve) => waiting.set(id, resolve))));
    await consumer.connect();
    await consumer.subscribe({ topic: Topics.storyEvents, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        const event = storyEventSchema.parse(JSON.parse(message.value!.toString('utf8')));
        if (event.type === 'StoriesMerged') {
          counts.merges++;
          console.log(`StoriesMerged  ${event.storyId} ← ${event.mergedStoryIds.join(', ')}`);
          return;
        }
        counts.stories.add(event.storyId);
        if (event.type === 'StoryStarted') console.log(`StoryStarted   ${event.storyId}  ${event.articleId}`);
        else {
          counts[event.relation]++;
          console.log(`StoryUpdated   ${event.storyId}  ${event.articleId}  ${event.relation}  score=${event.evidence.score.toFixed(2)}  newPassages=${event.newPassages.length}`);
        }
        if (expected.has(event.articleId)) seen.add(event.articleId);
        waiting.get(event.articleId)?.();
      },
    });

    await post('/v1/articles:bulk', `${warmup.join('\n')}\n`, 'application/x-ndjson');
    process.stderr.write(`[demo] posted ${warmup.length} articles (${existsSync(REPLAY) ? 'replay/news-2018-07' : 'the ECB+ fixture sample'}) to the gateway\n`);
    await storyEventsFor(warmup.map(idOf));
    // The seeds one by one, each once the last is decided: which is the original and which the copy depends on order,
    // and the input topic's partitions do not keep order between different article ids.
    for (const seed of seeds) {
      await post('/v1/articles', seed, 'application/json');
      await storyEventsFor([idOf(seed)]);
    }
    const seedStory = await projectedStoryOf(idOf(seeds[seeds.length - 1]));
    console.log(
      `\nsummary: ${expected.size} articles → ${counts.stories.size} stories; copies ${counts.duplicate + counts.syndicated} ` +
        `(duplicate ${counts.duplicate}, syndicated ${counts.syndicated}), rewrites ${counts.rewrite}, merges ${counts.merges}`,
    );
    console.log(`seeds: story ${seedStory.story?.id} with ${seedStory.story?.articleCount} articles  (${url('stories')}/v1/stories/${seedStory.story?.id})`);
    if (!process.argv.includes('--follow')) return shutdown(0);
    console.log(`\ndashboard ${url('stories')}/dashboard · API docs ${url('gateway')}/docs · Ctrl-C stops everything`);
  } catch (error) {
    process.stderr.write(`[demo] ${error instanceof Error ? error.stack : String(error)}\n`);
    await shutdown(1);
  }
};

main().catch((error: unknown) => {
  process.stderr.write(`[demo] ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
