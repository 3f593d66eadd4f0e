import { BadRequestException, Controller, Get, Headers, Inject, Logger, Query, Res, ServiceUnavailableException } from '@nestjs/common';
import { type ServerResponse } from 'node:http';
import { type StoriesConfig } from '../config/stories.config';
import { STORIES_CONFIG } from '../config/stories-config.token';
import { parseResumePosition } from './resume-position';
import { runSseSession } from './sse-session';
import { StoryFeed } from './story-feed';

@Controller('v1/stream')
export class StreamHttpController {
  private readonly logger = new Logger(StreamHttpController.name);
  /** Streams admitted whose session has not subscribed yet. */
  private opening = 0;

  constructor(
    private readonly feed: StoryFeed,
    @Inject(STORIES_CONFIG) private readonly config: StoriesConfig,
  ) {}

  /**
   * GET /v1/stream — story events as server-sent events, `id` = projection sequence number. Resume with the
   * Last-Event-ID header or ?lastEventId=: the missed events come from the database, then the live ones.
   */
  @Get()
  async stream(@Headers('last-event-id') lastEventId: string | undefined, @Query() query: unknown, @Res() res: ServerResponse): Promise<void> {
    // Counted from the request on, not from the subscription: requests awaiting their first query would otherwise
    // all pass the check together.
    if (this.feed.subscriberCount + this.opening >= this.config.SSE_MAX_CLIENTS) {
      res.setHeader('retry-after', '30');
      throw new ServiceUnavailableException(
        `this instance already serves ${this.config.SSE_MAX_CLIENTS} streams (SSE_MAX_CLIENTS); retry later, or use another instance`,
      );
    }
    const resume = parseResumePosition(lastEventId, query);
    if (!resume.ok) throw new BadRequestException(resume.message);
    let session: Promise<void>;
    this.opening++;
    try {
      // A position past the newest event was not sent by this read model (it was rebuilt, e.g. an in-memory
      // database after a restart): resuming there would wait in silence for events the client may already have
      // seen. A client without a position costs no query here: the session reads the newest event itself.
      const latest = resume.after === undefined ? undefined : await this.feed.latestSeq();
      if (resume.after !== undefined && latest !== undefined && resume.after > latest) {
        throw new BadRequestException(
          `Last-Event-ID ${resume.after} is ahead of this stream, whose newest event is ${latest}: the read model was rebuilt since; reconnect without it for live events, or with lastEventId=0 for all of them`,
        );
      }
      // Subscribes before it first awaits anything: from here the stream counts among the feed's subscribers.
      session = runSseSession({ feed: this.feed, res, after: resume.after, heartbeatMs: this.config.SSE_HEARTBEAT_SECONDS * 1000 });
    } finally {
      this.opening--;
    }
    try {
      await session;
    } catch (error) {
      // Headers are gone by now: end the stream, and the client's reconnect resumes where it stopped.
      this.logger.error({ err: error }, 'SSE stream failed while sending the backlog');
      res.end();
    }
  }
}
