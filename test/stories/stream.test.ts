import { type StoryEvent } from '@app/contracts';
import { createTopics, testKafka, uniqueName } from '../support/kafka';
import { connectSse, eventFrames, type SseFrame } from './support/sse-client';
import { record, started, updated, writeTransaction } from './support/story-log';
import { dropSchemas, FLAVOURS, startStoriesApp, type StoriesApp, uniqueSchema, waitFor } from './support/stories-app';

const kafka = testKafka('stories-stream-test');
const schemas: string[] = [];

const ELECTION = { id: 'vote-1', title: 'Polls open in national election', source: 'AFP' };
const backlog = [started(0, 'st-vote', '2024-06-09T06:00:00Z', ELECTION), updated(1, 'st-vote', '2024-06-09T06:05:00Z', { id: 'vote-2' }, 'duplicate', 'vote-1')];
const live = [
  started(2, 'st-flood', '2024-06-09T07:00:00Z', { id: 'flood-1', title: 'Rivers burst their banks in Bavaria', source: 'dpa' }),
  updated(3, 'st-flood', '2024-06-09T07:30:00Z', { id: 'flood-2', source: 'Reuters' }, 'syndicated', 'flood-1'),
];
const missed = [
  updated(4, 'st-vote', '2024-06-09T08:00:00Z', { id: 'vote-3', source: 'BBC' }, 'rewrite', 'vote-1', ['Turnout was higher than in 2019.']),
  updated(5, 'st-flood', '2024-06-09T08:10:00Z', { id: 'flood-3' }, 'duplicate', 'flood-1'),
];
const later = [started(6, 'st-rail', '2024-06-09T09:00:00Z', { id: 'rail-1', title: 'Rail strike called off', source: 'AP' })];

/** What the stream sends for an event: the event as published, without the engine's fingerprint. */
const published = (event: StoryEvent) => {
  if (event.type === 'StoriesMerged') return event;
  const { fingerprint: _fingerprint, ...rest } = event;
  return rest;
};
const sent = (frames: readonly SseFrame[]) => eventFrames(frames).map((frame) => ({ id: frame.id, event: frame.event, data: JSON.parse(frame.data!) as unknown }));
const expected = (events: readonly StoryEvent[], firstId: number) => events.map((event, i) => ({ id: String(firstId + i), event: event.type, data: published(event) }));

const projected = (app: StoriesApp, articleId: string) =>
  waitFor(async () => (await fetch(`${app.url}/v1/articles/${articleId}/story`)).status === 200, `article ${articleId} to be projected`);

describe.each(FLAVOURS)('SSE story stream on %s', (flavour) => {
  const topic = uniqueName('stories.stream');
  let app: StoriesApp;

  beforeAll(async () => {
    await createTopics(kafka, [topic]);
    await writeTransaction(kafka, topic, backlog.map(record));
    const schema = flavour === 'PostgreSQL' ? uniqueSchema() : undefined;
    if (schema !== undefined) schemas.push(schema);
    app = await startStoriesApp({ flavour, topic, schema, heartbeatSeconds: 1 });
    await projected(app, 'vote-2');
  });
  afterAll(async () => {
    await app.stop();
    await dropSchemas(schemas);
  });

  it('sends a client without a position only what commits after it connected, then lets go of it on disconnect', async () => {
    const client = await connectSse(`${app.url}/v1/stream`);
    expect(client.status).toBe(200);
    await client.until((frames) => frames.some((frame) => frame.retry !== undefined));
    await writeTransaction(kafka, topic, live.map(record));
    const frames = await client.until((received) => eventFrames(received).length >= 2);
    expect(sent(frames)).toEqual(expected(live, 3));
    expect(app.feed.subscriberCount).toBe(1);
    const openStreams = async () => Number(/^stories_sse_clients\{service="stories"\} (\d+)$/m.exec(await (await fetch(`${app.url}/metrics`)).text())?.[1]);
    expect(await openStreams()).toBe(1);
    await client.close();
    await waitFor(async () => app.feed.subscriberCount === 0, 'the server to drop the subscription');
    expect(await openStreams()).toBe(0);
  });

  it('resumes after Last-Event-ID with exactly the events the client missed, then live ones', async () => {
    // Meanwhile: two events, an aborted transaction, a redelivery and a record that is not an event.
    await writeTransaction(kafka, topic, missed.map(record));
    await writeTransaction(kafka, topic, [record(started(99, 'st-ghost', '2024-06-09T08:20:00Z', { id: 'ghost-1' }))], { abort: true });
    await writeTransaction(kafka, topic, [record(missed[0]), { key: 'x', value: 'not an event' }]);
    await projected(app, 'flood-3');

    const client = await connectSse(`${app.url}/v1/stream`, { 'last-event-id': '4' });
    await client.until((frames) => eventFrames(frames).length >= 2);
    await writeTransaction(kafka, topic, later.map(record));
    // A heartbeat after the live event shows the stream went on past it with nothing else to send.
    const frames = await client.until((received) => {
      const last = received.findIndex((frame) => frame.id === '7');
      return last >= 0 && received.slice(last).some((frame) => frame.comment === 'heartbeat');
    });
    expect(sent(frames)).toEqual([...expected(missed, 5), ...expected(later, 7)]);
    await client.close();
    await waitFor(async () => app.feed.subscriberCount === 0, 'the server to drop the subscription');
  });

  it('resumes from ?lastEventId= for browsers that reconnect by hand, in sequence order', async () => {
    const client = await connectSse(`${app.url}/v1/stream?lastEventId=0`);
    const frames = await client.until((received) => eventFrames(received).length >= 7);
    expect(sent(frames)).toEqual(expected([...backlog, ...live, ...missed, ...later], 1));
    await client.close();
  });

  it.each([
    [{ 'last-event-id': 'abc' }, ''],
    [{}, '?lastEventId=-1'],
  ])('answers a position it never sent (%j%s) with 400 and what to send', async (headers, query) => {
    const response = await fetch(`${app.url}/v1/stream${query}`, { headers });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      message: 'Last-Event-ID (or ?lastEventId=) must be the id of an event this stream sent: a sequence number, 0 or more',
    });
  });

  it('answers a position past its newest event (a read model rebuilt since) with 400 and what to send instead, not silence', async () => {
    const response = await fetch(`${app.url}/v1/stream`, { headers: { 'last-event-id': '5000' } });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ message: expect.stringMatching(/^Last-Event-ID 5000 is ahead of this stream, whose newest event is \d+: .*lastEventId=0/) });
  });

  it('refuses a stream past SSE_MAX_CLIENTS with 503 and when to retry, and serves one again once a client leaves', async () => {
    const schema = flavour === 'PostgreSQL' ? uniqueSchema() : undefined;
    if (schema !== undefined) schemas.push(schema);
    const capped = await startStoriesApp({ flavour, topic, schema, env: { SSE_MAX_CLIENTS: '1' } });
    try {
      const first = await connectSse(`${capped.url}/v1/stream`);
      expect(first.status).toBe(200);
      const refused = await fetch(`${capped.url}/v1/stream`);
      expect(refused.status).toBe(503);
      expect(refused.headers.get('retry-after')).toBe('30');
      expect(await refused.json()).toMatchObject({ message: expect.stringContaining('already serves 1 streams (SSE_MAX_CLIENTS)') });
      await first.close();
      await waitFor(async () => capped.feed.subscriberCount === 0, 'the server to drop the first stream');
      const second = await connectSse(`${capped.url}/v1/stream`);
      expect(second.status).toBe(200);
      await second.close();
    } finally {
      await capped.stop();
    }
  });

  if (flavour === 'PostgreSQL') {
    it('listens again when its LISTEN connection is cut, and the stream goes on', async () => {
      const listening = async () =>
        (await app.db.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE query LIKE 'LISTEN story_events_%' AND query LIKE $1", [`%${schemas[0]}`])).map(
          (row) => row.pid,
        );
      const [before] = await listening();
      expect(before).toBeDefined();
      await app.db.query('SELECT pg_terminate_backend($1)', [before]);
      await waitFor(async () => (await listening()).some((pid) => pid !== before), 'a new LISTEN connection');

      const client = await connectSse(`${app.url}/v1/stream`);
      await client.until((frames) => frames.some((frame) => frame.retry !== undefined));
      const after = [started(7, 'st-port', '2024-06-09T10:00:00Z', { id: 'port-1', title: 'Port workers end strike' })];
      await writeTransaction(kafka, topic, after.map(record));
      expect(sent(await client.until((frames) => eventFrames(frames).length >= 1))).toEqual(expected(after, 8));
      await client.close();
    });
  }

  it('ends open streams when the app shuts down, so shutdown does not wait for clients', async () => {
    const client = await connectSse(`${app.url}/v1/stream`);
    await client.until((frames) => frames.some((frame) => frame.retry !== undefined));
    await app.stop();
    await expect(client.until(() => false)).rejects.toThrow('the stream ended');
    await client.close();
  });
});
