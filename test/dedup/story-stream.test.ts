import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { type Consumer } from 'kafkajs';
import { type DeadLetter, type StoryEvent } from '@app/contracts';
import { consumeUntil, type Received, testConsumer, testKafka, testProducer, uniqueName } from '../support/kafka';
import { dedupTestEnv, removeSnapshotDirs } from './support/dedup-env';
import { type InProcessDedup, startDedupInProcess, waitForRole } from './support/dedup-in-process';

const SEEDS = readFileSync(join(__dirname, '..', 'fixtures', 'engine', 'seeds.articles.ndjson'), 'utf8')
  .split('\n')
  .filter((l) => l.trim());
// Stream IDF means nothing on five documents: the engine first sees a CC BY 3.0 ECB+ sample, as a live feed would.
const WARMUP = readFileSync(join(__dirname, '..', 'fixtures', 'engine', 'ecbplus-warmup.articles.ndjson'), 'utf8')
  .split('\n')
  .filter((l) => l.trim());

type ArticleEvent = Exclude<StoryEvent, { type: 'StoriesMerged' }>;
const articleEvents = (received: readonly Received[]): ArticleEvent[] =>
  received.map((r) => JSON.parse(r.value!) as StoryEvent).filter((e): e is ArticleEvent => e.type !== 'StoriesMerged');

describe('dedup story stream on a real broker', () => {
  const kafka = testKafka('story-stream-test');
  const env = dedupTestEnv('story-stream', { DEDUP_RECORDS_PER_TRANSACTION: '50' });
  let running: InProcessDedup | undefined;
  const consumers: Consumer[] = [];
  afterEach(async () => {
    await running?.app.close();
    running = undefined;
    await Promise.all(consumers.splice(0).map((c) => c.disconnect()));
  });
  afterAll(removeSnapshotDirs);

  const reader = async (topic: string) => {
    const consumer = testConsumer(kafka, { groupId: uniqueName('reader'), readUncommitted: false });
    consumers.push(consumer);
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    return consumer;
  };

  it('turns the seeds into one story exactly once, dead-letters poison, and rebuilds its state from a snapshot and the log', async () => {
    running = await startDedupInProcess(env);
    await waitForRole(running, ['standby', 'owner']);
    const producer = testProducer(kafka, { idempotent: true });
    await producer.connect();
    await producer.send({ topic: env.ARTICLES_TOPIC, messages: WARMUP.map((value) => ({ key: (JSON.parse(value) as { id: string }).id, value })) });
    await consumeUntil(await reader(env.STORY_EVENTS_TOPIC), (r) => articleEvents(r).length >= WARMUP.length);
    const poison = ['{"id": "no-body"}', 'not json at all', '{"id": 7, "body": "x"}', '{"id": "huge-key"}'];
    // The articles topic takes a 2 MB key; the dead-letter topic would refuse it, and the stream must not stall on it.
    // (A Buffer on a chosen partition: kafkajs' partitioner takes minutes over a string key that long.)
    const poisoned = poison.map((value) => (value.includes('huge-key') ? { key: Buffer.alloc(2 * 1024 * 1024, 'k'), value, partition: 0 } : { key: 'poison', value }));
    await producer.send({
      topic: env.ARTICLES_TOPIC,
      messages: [...poisoned, ...SEEDS.map((value) => ({ key: (JSON.parse(value) as { id: string }).id, value }))],
    });

    const seeds = articleEvents(await consumeUntil(await reader(env.STORY_EVENTS_TOPIC), (r) => articleEvents(r).filter((e) => e.articleId.startsWith('seed-')).length >= 5));
    const seedEvents = seeds.filter((e) => e.articleId.startsWith('seed-'));
    expect(seedEvents.map((e) => e.articleId).sort()).toEqual(['seed-000', 'seed-001', 'seed-002', 'seed-003', 'seed-004']);
    expect(new Set(seedEvents.map((e) => e.storyId)).size).toBe(1);
    expect(seeds).toHaveLength(WARMUP.length + SEEDS.length);

    const dead = (await consumeUntil(await reader(env.ARTICLES_DLQ_TOPIC), (r) => r.length >= poison.length)).map((r) => JSON.parse(r.value!) as DeadLetter);
    expect(dead.map((d) => d.payload)).toEqual(expect.arrayContaining(poison));
    expect(dead.every((d) => d.reasons.length > 0 && d.source.topic === env.ARTICLES_TOPIC)).toBe(true);
    await running.app.close();
    running = undefined;
    // A graceful stop leaves a snapshot of everything it committed.
    expect(readdirSync(env.SNAPSHOT_DIR).filter((f) => f.endsWith('.snapshot'))).toHaveLength(1);

    // A new instance knows the seeds only through the snapshot and the story log: a resend must be a duplicate of
    // the same story.
    running = await startDedupInProcess(env);
    await waitForRole(running, ['standby', 'owner']);
    const status = (await (await fetch(`${await running.app.getUrl()}/stream`)).json()) as { lastRestore?: { snapshot: string | null; replayedEvents: number } };
    expect(status.lastRestore).toMatchObject({ snapshot: expect.stringContaining(env.SNAPSHOT_DIR), replayedEvents: 0 });
    await producer.send({ topic: env.ARTICLES_TOPIC, messages: [{ key: 'seed-002', value: SEEDS[2] }] });
    const all = articleEvents(await consumeUntil(await reader(env.STORY_EVENTS_TOPIC), (r) => articleEvents(r).filter((e) => e.articleId === 'seed-002').length >= 2));
    const resend = all.filter((e) => e.type === 'StoryUpdated' && e.articleId === 'seed-002').pop()!;
    expect(resend).toMatchObject({ type: 'StoryUpdated', relation: 'duplicate', storyId: seedEvents[0].storyId, newPassages: [] });
    await producer.disconnect();
  });
});
