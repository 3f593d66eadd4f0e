import { type ServerResponse } from 'node:http';
import { commentFrame, eventFrame, retryFrame } from './sse-frames';
import { FEED_PAGE, type FeedEvent, type StoryFeed } from './story-feed';

const RECONNECT_MS = 3_000;

/** How much one client may hold on this server. Cut off past them, a client reconnects with Last-Event-ID and
 * catches up from the database, at its own pace. */
export interface SseLimits {
  /** A live client this far behind is cut off. */
  readonly maxBufferedBytes: number;
  /** The backlog is read at the client's pace: the next page waits until the socket has taken most of this one. */
  readonly backlogBufferedBytes: number;
  /** A client that takes nothing of the backlog for this long is cut off. */
  readonly stalledMs: number;
}

// A megabyte behind is hundreds of events; with SSE_MAX_CLIENTS (1000) streams, at most about a gigabyte in all.
export const SSE_LIMITS: SseLimits = { maxBufferedBytes: 1024 * 1024, backlogBufferedBytes: 1024 * 1024, stalledMs: 60_000 };

/** Resolves true when the socket has taken what was buffered, false when the client is gone or took nothing for
 * `stalledMs`. */
const drained = (res: ServerResponse, stalledMs: number) =>
  new Promise<boolean>((resolve) => {
    const settle = (taken: boolean) => () => {
      clearTimeout(timer);
      res.off('drain', onDrain);
      res.off('close', onClose);
      resolve(taken);
    };
    const onDrain = settle(true);
    const onClose = settle(false);
    const timer = setTimeout(settle(false), stalledMs);
    res.on('drain', onDrain);
    res.on('close', onClose);
  });

export interface SseSessionOptions {
  readonly feed: Pick<StoryFeed, 'subscribe' | 'latestSeq' | 'eventsAfter'>;
  readonly res: ServerResponse;
  /** Send events after this sequence number; undefined = only what commits from now on. */
  readonly after: number | undefined;
  readonly heartbeatMs: number;
  readonly limits?: SseLimits;
}

/**
 * One SSE client: what it missed from the database, then live events. It subscribes before reading the backlog;
 * live events that arrive meanwhile are not kept (a client that reads slowly would pin every one of them) but read
 * again from the database once the backlog is sent. Every event is sent once, in sequence order, because only
 * events past the last one sent go out.
 */
export const runSseSession = async ({ feed, res, after, heartbeatMs, limits = SSE_LIMITS }: SseSessionOptions): Promise<void> => {
  let live = false;
  let missedLive = false;
  const open = () => !res.destroyed && !res.writableEnded;
  let lastSent = 0;
  const send = (events: readonly FeedEvent[]) => {
    for (const { seq, event } of events) {
      if (seq <= lastSent || !open()) continue;
      res.write(eventFrame(seq, event.type, event));
      lastSent = seq;
    }
    // destroy, not end: an ended response keeps its unsent megabytes until a client that reads nothing takes them.
    if (live && res.writableLength > limits.maxBufferedBytes) res.destroy();
  };
  const unsubscribe = feed.subscribe({
    push: (events) => (live ? send(events) : (missedLive = true)),
    close: () => res.end(),
  });
  const heartbeat = setInterval(() => open() && res.write(commentFrame('heartbeat')), heartbeatMs);
  const release = () => {
    clearInterval(heartbeat);
    unsubscribe();
  };
  // A disconnect (or our own end()) releases the subscription and the timer: nothing outlives the connection. A
  // client gone before the session began (while the caller awaited a query) emits no close event any more.
  if (res.destroyed) {
    release();
    return;
  }
  res.on('close', release);
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    // nginx would otherwise buffer the stream and deliver events in lumps.
    'x-accel-buffering': 'no',
  });
  res.write(retryFrame(RECONNECT_MS));
  lastSent = after ?? (await feed.latestSeq());
  do {
    missedLive = false;
    for (let page = await feed.eventsAfter(lastSent); open(); page = await feed.eventsAfter(lastSent)) {
      send(page);
      if (page.length < FEED_PAGE) break;
      if (res.writableLength > limits.backlogBufferedBytes && !(await drained(res, limits.stalledMs))) res.destroy();
    }
  } while (missedLive && open());
  live = true;
};
