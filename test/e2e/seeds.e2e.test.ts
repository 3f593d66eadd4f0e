import { type StoryEvent } from '@app/contracts';
import { connectSse, type SseFrame } from '../stories/support/sse-client';
import { waitFor } from '../stories/support/stories-app';
import { consumeUntil, testConsumer, testKafka, uniqueName } from '../support/kafka';
import { API_KEY, type PipelineStack, SEEDS, startPipeline, WARMUP } from './support/pipeline-stack';

type ArticleEvent = Exclude<StoryEvent, { type: 'StoriesMerged' }>;
const SEED_IDS = SEEDS.map((line) => (JSON.parse(line) as { id: string }).id);

interface StoryDetail {
  id: string;
  articles: { id: string; relation: string }[];
  timeline: { eventId: string; type: string; articleId?: string; relation?: string; newPassages?: string[] }[];
}

describe('e2e: the seeds through gateway, dedup and the stories app', () => {
  let stack: PipelineStack;
  beforeAll(async () => {
    stack = await startPipeline('e2e-seeds');
  });
  afterAll(() => stack?.stop());

  it('yields exactly five article events naming one story, with the engine relations, and REST and SSE agree', async () => {
    expect((await stack.postNdjson(WARMUP)).status).toBe(200);
    // One at a time, each once the read side shows it: the gateway spreads articles over partitions by id, and the
    // relations pinned below (004 a copy of 000, 001's new passages) hold for the seeds in their published order.
    for (const [i, line] of SEEDS.entries()) {
      const response = await fetch(`${stack.gateway.url}/v1/articles`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': API_KEY }, body: line });
      expect(response.status).toBe(202);
      await waitFor(async () => (await fetch(`${stack.stories.url}/v1/articles/${SEED_IDS[i]}/story`)).status === 200, `${SEED_IDS[i]} on the read side`);
    }

    const kafka = testKafka('e2e-seeds');
    const reader = testConsumer(kafka, { groupId: uniqueName('e2e-reader'), readUncommitted: false });
    await reader.connect();
    await reader.subscribe({ topic: stack.topics.storyEvents, fromBeginning: true });
    const isSeedEvent = (e: StoryEvent): e is ArticleEvent => e.type !== 'StoriesMerged' && SEED_IDS.includes(e.articleId);
    const received = await consumeUntil(reader, (r) => r.map((m) => JSON.parse(m.value!) as StoryEvent).filter(isSeedEvent).length >= SEED_IDS.length);
    await reader.disconnect();
    const log = received.map((m) => JSON.parse(m.value!) as StoryEvent);
    const seedEvents = log.filter(isSeedEvent);
    expect(seedEvents.map((e) => e.articleId).sort()).toEqual([...SEED_IDS].sort());
    expect(log.filter((e) => e.type !== 'StoriesMerged')).toHaveLength(WARMUP.length + SEEDS.length);
    const [storyId] = new Set(seedEvents.map((e) => e.storyId));
    expect(new Set(seedEvents.map((e) => e.storyId)).size).toBe(1);
    const byId = new Map(seedEvents.map((e) => [e.articleId, e]));
    expect(byId.get('seed-000')).toMatchObject({ type: 'StoryStarted' });
    expect(byId.get('seed-004')).toMatchObject({ type: 'StoryUpdated', relation: 'syndicated', newPassages: [] });
    // Its appended 2025 stories travel in the event as set aside, so subscribers see what the engine did not match on.
    const taipei = byId.get('seed-004')!.setAside ?? [];
    expect(taipei.filter((p) => p.role === 'appended').map((p) => p.text.slice(0, 16))).toEqual([
      expect.stringMatching(/^US President/),
      expect.stringMatching(/^China's military/),
      'CHIP EXCEPTION: ',
      'THUGGISH BEHAVIO',
    ]);
    const ny = byId.get('seed-001') as Extract<ArticleEvent, { type: 'StoryUpdated' }>;
    expect(ny.relation).toBe('rewrite');
    expect(ny.newPassages.join('\n')).toMatch(/1948/);
    expect(ny.newPassages.join('\n')).toMatch(/sanction/i);

    // REST: the projection caught up with the log holds the same story, articles and relations.
    const url = stack.stories.url;
    await waitFor(async () => ((await (await fetch(`${url}/v1/stories/${storyId}`)).json()) as StoryDetail).articles?.length === 5, 'the projection to hold the five seeds');
    const detail = (await (await fetch(`${url}/v1/stories/${storyId}`)).json()) as StoryDetail;
    expect(Object.fromEntries(detail.articles.map((a) => [a.id, a.relation]))).toEqual({
      'seed-000': 'origin',
      ...Object.fromEntries(seedEvents.filter((e) => e.type === 'StoryUpdated').map((e) => [e.articleId, (e as { relation: string }).relation])),
    });
    for (const id of SEED_IDS) {
      expect(await (await fetch(`${url}/v1/articles/${id}/story`)).json()).toMatchObject({ articleId: id, story: { id: storyId } });
    }

    // The dedup service's metrics count what it committed: every article decided, by relation.
    const metrics = await (await fetch(`${await stack.dedup.app.getUrl()}/metrics`)).text();
    const series = (name: string) => Number(new RegExp(`^${name.replace(/[{}]/g, '\\$&')} (\\S+)$`, 'm').exec(metrics)?.[1]);
    expect(series('dedup_records_total{outcome="decided",service="dedup"}')).toBe(WARMUP.length + SEEDS.length);
    const relations = ['new', 'duplicate', 'syndicated', 'rewrite'].map((r) => series(`dedup_decisions_total{relation="${r}",service="dedup"}`) || 0);
    expect(relations.reduce((a, b) => a + b, 0)).toBe(WARMUP.length + SEEDS.length);
    expect(series('dedup_decisions_total{relation="syndicated",service="dedup"}')).toBeGreaterThanOrEqual(1);
    expect(series('dedup_index_articles{service="dedup"}')).toBe(WARMUP.length + SEEDS.length);
    // Every decision is timed; a rolled-back transaction's records are decided (and timed) again.
    expect(series('dedup_decision_seconds_count{service="dedup"}')).toBeGreaterThanOrEqual(WARMUP.length + SEEDS.length);
    expect(series('dedup_decision_seconds_sum{service="dedup"}')).toBeGreaterThan(0);
    expect(series('dedup_consumer_lag_records{topic="' + stack.topics.articles + '",partition="0",service="dedup"}')).toBeGreaterThanOrEqual(0);

    // The stories app reports the group's lag under a name of its own, next to its read-model figures.
    const readSide = await (await fetch(`${url}/metrics`)).text();
    expect(readSide).toMatch(/^dedup_group_lag_records\{service="stories"\} \d+$/m);
    expect(readSide).toMatch(/^stories_count\{service="stories"\} \d+$/m);
    expect(readSide).not.toContain('dedup_consumer_lag_records');
    const projected = Number(/^stories_projection_records_total\{outcome="applied",service="stories"\} (\d+)$/m.exec(readSide)?.[1]);
    expect(projected).toBeGreaterThanOrEqual(WARMUP.length + SEEDS.length);
    expect(readSide).toMatch(/^stories_projection_records_total\{outcome="rejected",service="stories"\} 0$/m);

    // SSE from the start of the projection: the same five events, in the same order as the log.
    const sse = await connectSse(`${url}/v1/stream?lastEventId=0`);
    const seedFrames = (frames: readonly SseFrame[]) =>
      frames.filter((f) => f.data !== undefined).map((f) => JSON.parse(f.data!) as StoryEvent).filter(isSeedEvent);
    const frames = await sse.until((f) => seedFrames(f).length >= 5, 30_000);
    await sse.close();
    expect(seedFrames(frames).map((e) => [e.eventId, e.articleId, e.storyId])).toEqual(seedEvents.map((e) => [e.eventId, e.articleId, e.storyId]));
  });
});
