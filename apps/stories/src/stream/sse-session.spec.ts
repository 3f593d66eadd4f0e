import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type AddressInfo } from 'node:net';
import { runSseSession, type SseLimits, SSE_LIMITS } from './sse-session';
import { FEED_PAGE, type FeedEvent, type FeedSubscriber } from './story-feed';

const event = (seq: number, padding = ''): FeedEvent =>
  ({ seq, event: { type: 'StoriesMerged', storyId: `s-${seq}`, eventId: `e-${seq}`, at: '2024-01-01T00:00:00.000Z', mergedStoryIds: [padding || 'x'] } }) as FeedEvent;

/** The story log as a database would serve it, and the subscribers a feed would push to. */
class FakeFeed {
  readonly log: FeedEvent[] = [];
  readonly subscribers = new Set<FeedSubscriber>();
  /** Runs inside every page read, before it answers: where a commit lands while a client catches up. */
  duringRead: () => void = () => undefined;

  subscribe(subscriber: FeedSubscriber): () => void {
    this.subscribers.add(subscriber);
    return () => this.subscribers.delete(subscriber);
  }

  async latestSeq(): Promise<number> {
    return this.log.length;
  }

  async eventsAfter(seq: number, limit = FEED_PAGE): Promise<FeedEvent[]> {
    const page = this.log.filter((e) => e.seq > seq).slice(0, limit);
    this.duringRead();
    return page;
  }

  /** A commit: into the log, then pushed to every subscriber, as the real feed does after its own read. */
  commit(count: number, padding = ''): void {
    const added = Array.from({ length: count }, (_, i) => event(this.log.length + i + 1, padding));
    this.log.push(...added);
    for (const subscriber of this.subscribers) subscriber.push(added);
  }
}

interface Harness {
  server: Server;
  url: string;
  sessions: Promise<void>[];
  responses: ServerResponse[];
}

const serve = async (feed: FakeFeed, after: number | undefined, limits: SseLimits = SSE_LIMITS, beforeSession = async () => undefined): Promise<Harness> => {
  const harness = { sessions: [], responses: [] } as unknown as Harness;
  harness.server = createServer((_req, res) => {
    harness.responses.push(res);
    harness.sessions.push(beforeSession().then(() => runSseSession({ feed, res, after, heartbeatMs: 60_000, limits })));
  });
  await new Promise<void>((resolve) => harness.server.listen(0, '127.0.0.1', resolve));
  harness.url = `http://127.0.0.1:${(harness.server.address() as AddressInfo).port}/`;
  return harness;
};

const close = (harness: Harness) => {
  harness.server.closeAllConnections();
  return new Promise((resolve) => harness.server.close(resolve));
};

/** A client that reads the whole stream into ids, until `done`. */
const readIds = (url: string, done: (ids: number[]) => boolean): Promise<number[]> =>
  new Promise((resolve, reject) => {
    const ids: number[] = [];
    let text = '';
    request(url, (res: IncomingMessage) => {
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
        const frames = text.split('\n\n');
        text = frames.pop()!;
        for (const frame of frames) {
          const id = /^id: (\d+)$/m.exec(frame)?.[1];
          if (id !== undefined) ids.push(Number(id));
        }
        if (done(ids)) {
          res.destroy();
          resolve(ids);
        }
      });
    })
      .on('error', reject)
      .end();
  });

const waitUntil = async (condition: () => boolean, what: string) => {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((r) => setTimeout(r, 10));
  if (!condition()) throw new Error(`timed out waiting for ${what}`);
};

describe('runSseSession', () => {
  it('sends every event once and in order when commits land while the backlog is read, without keeping them', async () => {
    const feed = new FakeFeed();
    feed.commit(2 * FEED_PAGE + 10);
    let reads = 0;
    // Each of the first three page reads sees a commit land: the pushes find the session still catching up.
    feed.duringRead = () => {
      if (++reads <= 3) feed.commit(7);
    };
    const harness = await serve(feed, 0);
    try {
      const total = 2 * FEED_PAGE + 10 + 3 * 7 + 5;
      const reading = readIds(harness.url, (ids) => ids.length >= total);
      await waitUntil(() => harness.sessions.length === 1, 'the client to connect');
      await harness.sessions[0];
      // The events pushed while it caught up were read again from the database, not kept from the pushes.
      expect(reads).toBeGreaterThanOrEqual(4);
      feed.commit(5);
      const ids = await reading;
      expect(ids).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    } finally {
      await close(harness);
    }
  });

  it('lets go at once of a client that left before the session began', async () => {
    const feed = new FakeFeed();
    let arrived!: () => void;
    const requestArrived = new Promise<void>((resolve) => (arrived = resolve));
    let proceed!: () => void;
    const clientGone = new Promise<void>((resolve) => (proceed = resolve));
    // The controller awaits a query before the session starts; the client resets its connection meanwhile.
    const harness = await serve(feed, 0, SSE_LIMITS, async () => {
      arrived();
      await clientGone;
    });
    try {
      const req = request(harness.url).on('error', () => undefined);
      req.end();
      await requestArrived;
      req.destroy();
      await waitUntil(() => harness.responses[0].destroyed, 'the server to see the client go');
      proceed();
      await harness.sessions[0];
      expect(feed.subscribers.size).toBe(0);
    } finally {
      await close(harness);
    }
  });

  it('cuts off a client that takes nothing of its backlog, and a live one that falls too far behind', async () => {
    const feed = new FakeFeed();
    // Far more than loopback's socket buffers take in on the client's behalf.
    feed.commit(20 * FEED_PAGE, 'p'.repeat(2_000));
    const limits: SseLimits = { maxBufferedBytes: 64 * 1024, backlogBufferedBytes: 16 * 1024, stalledMs: 300 };
    const backlog = await serve(feed, 0, limits);
    const live = await serve(feed, undefined, limits);
    try {
      // Neither client reads: they connect, then leave the socket alone.
      for (const url of [backlog.url, live.url]) {
        const req = request(url, (res) => res.pause()).on('error', () => undefined);
        req.end();
      }
      await waitUntil(() => backlog.responses.length === 1 && live.responses.length === 1, 'both clients to connect');
      await backlog.sessions[0];
      expect(backlog.responses[0].destroyed).toBe(true);
      await live.sessions[0];
      feed.commit(20 * FEED_PAGE, 'q'.repeat(2_000));
      expect(live.responses[0].destroyed).toBe(true);
      await waitUntil(() => feed.subscribers.size === 0, 'both subscriptions to be released');
    } finally {
      await close(backlog);
      await close(live);
    }
  });
});
