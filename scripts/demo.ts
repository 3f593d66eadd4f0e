import { existsSync, readFileSync } from 'fs';
import { Kafka, logLevel } from 'kafkajs';
import { join } from 'path';
import { storyEventSchema, Topics } from '@app/contracts';
import { resolveBroker } from '../tools/kafka/resolve-broker';
import { startApp, stopApp } from './demo/app-process';
import { ensureTopics } from '../apps/dedup/src/story-stream/ensure-topics';

const ROOT = join(__dirname, '..');
const SEEDS = join(ROOT, 'test', 'fixtures', 'engine', 'seeds.articles.ndjson');
const REPLAY = join(ROOT, '..', 'shared', 'data', 'replay', 'news-2018-07.articles.ndjson');

const articleLines = (): string[] => {
  const files = [SEEDS, ...(process.argv.includes('--replay') && existsSync(REPLAY) ? [REPLAY] : [])];
  return files.flatMap((file) => readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()));
};

/**
 * `npm run demo`: a Kafka (yours via KAFKA_BROKERS, else one of ours), the dedup service, the five seed articles
 * produced to news.articles.v1, and the story events printed as a read_committed subscriber sees them.
 */
const main = async (): Promise<void> => {
  const broker = await resolveBroker();
  process.stderr.write(`[demo] Kafka at ${broker.brokers} (${broker.source})\n`);
  const kafka = new Kafka({ clientId: 'story-demo', brokers: broker.brokers.split(','), logLevel: logLevel.NOTHING });
  await ensureTopics(kafka);
  const dedup = startApp('dedup', { KAFKA_BROKERS: broker.brokers, PORT: process.env.DEDUP_PORT ?? '3101' });
  const consumer = kafka.consumer({ groupId: `story-demo-${Date.now()}`, readUncommitted: false });
  const producer = kafka.producer({ idempotent: true });
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await Promise.allSettled([consumer.disconnect(), producer.disconnect()]);
    await stopApp(dedup);
    await broker.stop();
    process.exit(code);
  };
  process.once('SIGINT', () => void shutdown(130));
  process.once('SIGTERM', () => void shutdown(143));

  const lines = articleLines();
  const ids = new Set(lines.map((l) => (JSON.parse(l) as { id: string }).id));
  await consumer.connect();
  await consumer.subscribe({ topic: Topics.storyEvents, fromBeginning: false });
  const seen = new Set<string>();
  const counts = { stories: new Set<string>(), duplicate: 0, syndicated: 0, rewrite: 0, merges: 0 };
  const done = new Promise<void>((resolve) => {
    void consumer.run({
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
        if (ids.has(event.articleId)) seen.add(event.articleId);
        if (seen.size === ids.size) resolve();
      },
    });
  });
  await new Promise((r) => setTimeout(r, 1000));
  await producer.connect();
  await producer.send({
    topic: Topics.articles,
    acks: -1,
    messages: lines.map((value) => ({ key: (JSON.parse(value) as { id: string }).id, value })),
  });
  process.stderr.write(`[demo] produced ${lines.length} articles to ${Topics.articles}; waiting for story events\n`);
  await done;
  console.log(
    `\nsummary: ${lines.length} articles → ${counts.stories.size} stories; copies ${counts.duplicate + counts.syndicated} ` +
      `(duplicate ${counts.duplicate}, syndicated ${counts.syndicated}), rewrites ${counts.rewrite}, merges ${counts.merges}`,
  );
  if (process.argv.includes('--follow')) return;
  await shutdown(0);
};

main().catch((error: unknown) => {
  process.stderr.write(`[demo] ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
