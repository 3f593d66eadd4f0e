import { type ServerResponse } from 'node:http';
import { commentFrame, eventFrame, retryFrame } from './sse-frames';
import { FEED_PAGE, type FeedEvent, type StoryFeed } from './story-feed';

const RECONNECT_MS = 3_000;
/** A live client this far behind is cut off; it reconnects with Last-Event-ID and catches up from the database. */
const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;
/** The backlog is read at the client's pace: the next page waits until the socket has taken most of this one. */
const BACKLOG_BUFFERED_BYTES = 1024 * 1024;

/** Resolves when the socket has taken what was buffered, or the client is gone. */
const drained = (res: ServerResponse) =>
  new Promise<void>((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });

export interface SseSessionOptions {
  readonly feed: StoryFeed;
  readonly res: ServerResponse;
  /** Send events after this sequence number; undefined = only what commits from now on. */
  readonly after: number | undefined;
  readonly heartbeatMs: number;
}

/**
 * One SSE client: what it missed from the database, then live events. It subscribes before reading the backlog
 * and buffers live events until the backlog is sent; every event is sent once, in sequence order, because only
 * events past the last one sent go out.
 */
export const runSseSession = async ({ feed, res, after, heartbeatMs }: SseSessionOptions): Promise<void> => {
  let live = false;
  const pending: FeedEvent[] = [];
  const open = () => !res.destroyed && !res.writableEnded;
  let lastSent = 0;
  const send = (events: readonly FeedEvent[]) => {
    for (const { seq, event } of events) {
      if (seq <= lastSent || !open()) continue;
      res.write(eventFrame(seq, event.type, event));
      lastSent = seq;
    }
    if (live && res.writableLength > MAX_BUFFERED_BYTES) res.end();
  };
  const unsubscribe = feed.subscribe({
    push: (events) => (live ? send(events) : pending.push(...events)),
    close: () => res.end(),
  });
  const heartbeat = setInterval(() => open() && res.write(commentFrame('heartbeat')), heartbeatMs);
  // A disconnect (or our own end()) releases the subscription and the timer: nothing outlives the connection.
  res.on('close', () => {
    clearInterval(heartbeat);
    unsubscribe();
  });
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    // nginx would otherwise buffer the stream and deliver events in lumps.
    'x-accel-buffering': 'no',
  });
  res.write(retryFrame(RECONNECT_MS));
  lastSent = after ?? (await feed.latestSeq());
  for (let page = await feed.eventsAfter(lastSent); open(); page = await feed.eventsAfter(lastSent)) {
    send(page);
    if (page.length < FEED_PAGE) break;
    if (res.writableLength > BACKLOG_BUFFERED_BYTES) await drained(res);
  }
  live = true;
  send(pending.splice(0));
};
