import { readFileSync } from 'fs';
import { join } from 'path';
import { DeadLetter, StoryEvent, Topics } from '@app/contracts';
import { DEFAULT_ENGINE_CONFIG } from '@app/stories';
import { StoryStream } from '../../apps/dedup/src/story-stream/story-stream';
import { consumeUntil, Received, testConsumer, testKafka, testProducer, uniqueName } from '../support/kafka';

const SEEDS = readFileSync(join(__dirname, '..', 'fixtures', 'engine', 'seeds.articles.ndjson'), 'utf8')
  .split('\n')
  .filter((l) => l.trim());
// Stream IDF means nothing on five documents: the engine first sees a CC BY 3.0 ECB+ sample, as a live feed would.
const WARMUP = readFileSync(join(__dirname, '..', 'fixtures', 'engine', 'ecbplus-warmup.articles.ndjson'), 'utf8')
  .split('\n')
  .filter((l) => l.trim());
const quiet = { log: () => undefined, error: () => undefined };

type ArticleEvent = Exclude<StoryEvent, { type: 'StoriesMerged' }>;
const articleEvents = (received: readonly Received[]): ArticleEvent[] =>
  received.map((r) => JSON.parse(r.value!) as StoryEvent).filter((e): e is ArticleEvent => e.type !== 'StoriesMerged');

describe('dedup story stream on a real broker', () => {
  const kafka = testKafka('story-stream-test');
  const options = {
    groupId: uniqueName('dedup'),
    transactionalId: uniqueName('dedup-tx'),
    maxBodyBytes: 1024 * 1024,
    engine: DEFAULT_ENGINE_CONFIG,
    recordsPerTransaction: 50,
  };

  it('turns the seeds into one story exactly once, dead-letters poison, and rebuilds its state from the log', async () => {
    const stream = new StoryStream(kafka, options, quiet);
    await stream.start();
    const producer = testProducer(kafka, { idempotent: true });
    await producer.connect();
    const warmup = testConsumer(kafka, { groupId: uniqueName('warmup-reader'), readUncommitted: false });
    await warmup.connect();
    await warmup.subscribe({ topic: Topics.storyEvents, fromBeginning: true });
    await producer.send({ topic: Topics.articles, messages: WARMUP.map((value) => ({ key: (JSON.parse(value) as { id: string }).id, value })) });
    await consumeUntil(warmup, (r) => articleEvents(r).length >= WARMUP.length);
    const poison = ['{"id": "no-body"}', 'not json at all', '{"id": 7, "body": "x"}'];
    await producer.send({
      topic: Topics.articles,
      messages: [...poison.map((value) => ({ key: 'poison', value })), ...SEEDS.map((value) => ({ key: (JSON.parse(value) as { id: string }).id, value }))],
    });

    const events = testConsumer(kafka, { groupId: uniqueName('reader'), readUncommitted: false });
    await events.connect();
    await events.subscribe({ topic: Topics.storyEvents, fromBeginning: true });
    const seeds = articleEvents(await consumeUntil(events, (r) => articleEvents(r).filter((e) => e.articleId.startsWith('seed-')).length >= 5));
    const seedEvents = seeds.filter((e) => e.articleId.startsWith('seed-'));
    expect(seedEvents.map((e) => e.articleId).sort()).toEqual(['seed-000', 'seed-001', 'seed-002', 'seed-003', 'seed-004']);
    expect(new Set(seedEvents.map((e) => e.storyId)).size).toBe(1);

    const dlq = testConsumer(kafka, { groupId: uniqueName('dlq-reader'), readUncommitted: false });
    await dlq.connect();
    await dlq.subscribe({ topic: Topics.articlesDlq, fromBeginning: true });
    const dead = (await consumeUntil(dlq, (r) => r.length >= poison.length)).map((r) => JSON.parse(r.value!) as DeadLetter);
    expect(dead.map((d) => d.payload)).toEqual(expect.arrayContaining(poison));
    expect(dead.every((d) => d.reasons.length > 0 && d.source.topic === Topics.articles)).toBe(true);
    await stream.stop();

    // A new instance knows the seeds only through the story log: a resend must be a duplicate of the same story.
    const restarted = new StoryStream(kafka, options, quiet);
    await restarted.start();
    await producer.send({ topic: Topics.articles, messages: [{ key: 'seed-002', value: SEEDS[2] }] });
    const after = testConsumer(kafka, { groupId: uniqueName('reader-2'), readUncommitted: false });
    await after.connect();
    await after.subscribe({ topic: Topics.storyEvents, fromBeginning: true });
    const all = articleEvents(await consumeUntil(after, (r) => articleEvents(r).filter((e) => e.articleId === 'seed-002').length >= 2));
    const resend = all.filter((e) => e.type === 'StoryUpdated' && e.articleId === 'seed-002').pop()!;
    expect(resend).toMatchObject({ type: 'StoryUpdated', relation: 'duplicate', storyId: seedEvents[0].storyId, newPassages: [] });
    await restarted.stop();
    await producer.disconnect();
  });
});
