import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { METRICS_REGISTRY } from '@app/platform';
import { Gauge, type Registry } from 'prom-client';
import { type StoriesConfig } from '../config/stories.config';
import { STORIES_CONFIG } from '../config/stories-config.token';
import { type Database, DATABASE, schemaName } from '../database/database';
import { type PublishedStoryEvent } from '../projection/project-event';
import { storyEventsChannel } from '../projection/story-events-channel';

export interface FeedEvent {
  /** The projection sequence number: the SSE id, in commit order. */
  readonly seq: number;
  readonly event: PublishedStoryEvent;
}

export interface FeedSubscriber {
  push(events: readonly FeedEvent[]): void;
  /** The feed is shutting down. */
  close(): void;
}

export const FEED_PAGE = 500;
/** NOTIFY is the fast path; this catches what a dropped listener connection missed. */
const SAFETY_POLL_MS = 5_000;

/**
 * Committed story events as they arrive, shared by every SSE client of this instance. It follows the database,
 * not the local projection: a commit's NOTIFY reaches every instance, including those whose consumer owns no
 * partition, and only after the rows are readable.
 */
@Injectable()
export class StoryFeed implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(StoryFeed.name);
  private readonly subscribers = new Set<FeedSubscriber>();
  private readonly channel: string;
  /** The last sequence number broadcast (or known to be committed while nobody listened). */
  private head = 0;
  private pulling = false;
  private pullAgain = false;
  private unlisten?: () => Promise<void>;
  private poll?: NodeJS.Timeout;

  constructor(
    @Inject(DATABASE) private readonly db: Database,
    @Inject(STORIES_CONFIG) config: StoriesConfig,
    @Inject(METRICS_REGISTRY) registry: Registry,
  ) {
    this.channel = storyEventsChannel(schemaName(config.DATABASE_SCHEMA));
    const subscribers = this.subscribers;
    new Gauge({ name: 'stories_sse_clients', help: 'Server-sent-event streams open on this instance', registers: [registry], collect() { this.set(subscribers.size); } });
  }

  async onModuleInit(): Promise<void> {
    this.head = await this.latestSeq();
    this.unlisten = await this.db.listen(this.channel, (payload) => this.onCommitted(payload));
    this.poll = setInterval(() => void this.pull(), SAFETY_POLL_MS).unref();
  }

  /** Ends every stream (the HTTP server cannot close while they are open), then stops listening. */
  async onModuleDestroy(): Promise<void> {
    clearInterval(this.poll);
    for (const subscriber of this.subscribers) subscriber.close();
    this.subscribers.clear();
    await this.unlisten?.();
  }

  get subscriberCount(): number {
    return this.subscribers.size;
  }

  subscribe(subscriber: FeedSubscriber): () => void {
    this.subscribers.add(subscriber);
    return () => this.subscribers.delete(subscriber);
  }

  async latestSeq(): Promise<number> {
    const [row] = await this.db.query<{ seq: string }>('SELECT coalesce(max(seq), 0)::text AS seq FROM story_events');
    return Number(row.seq);
  }

  async eventsAfter(seq: number, limit = FEED_PAGE): Promise<FeedEvent[]> {
    const rows = await this.db.query<{ seq: string | number; event: PublishedStoryEvent }>(
      'SELECT seq, event FROM story_events WHERE seq > $1 ORDER BY seq LIMIT $2',
      [seq, limit],
    );
    return rows.map((row) => ({ seq: Number(row.seq), event: row.event }));
  }

  private onCommitted(payload: string): void {
    if (this.subscribers.size > 0) {
      void this.pull();
      return;
    }
    // Nobody to tell: remember how far the log is, so the first subscriber's pull does not re-read history.
    const seq = Number(payload);
    if (Number.isSafeInteger(seq)) this.head = Math.max(this.head, seq);
  }

  /** Reads past the head and broadcasts; notifications during a pull fold into one more round. */
  private async pull(): Promise<void> {
    if (this.subscribers.size === 0) return;
    if (this.pulling) {
      this.pullAgain = true;
      return;
    }
    this.pulling = true;
    try {
      do {
        this.pullAgain = false;
        const events = await this.eventsAfter(this.head);
        if (events.length === 0) continue;
        this.head = events[events.length - 1].seq;
        for (const subscriber of this.subscribers) subscriber.push(events);
        if (events.length === FEED_PAGE) this.pullAgain = true;
      } while (this.pullAgain);
    } catch (error) {
      this.logger.error({ err: error }, 'could not read new story events; the next notification or poll retries');
    } finally {
      this.pulling = false;
    }
  }
}
