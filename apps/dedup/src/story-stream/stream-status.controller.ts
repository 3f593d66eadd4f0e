import { Controller, Get } from '@nestjs/common';
import { DAY_MS } from '@app/stories';
import { ExactlyOnceTransport, type TransportStatus } from '../exactly-once/exactly-once.transport';
import { StoryEngine } from '../story-state/story-engine';

export interface StreamStatus {
  /** owner: deciding articles; standby: following the story log, ready to take over. */
  readonly role: TransportStatus;
  readonly stories: number;
  /** The engine settings from the environment (STORY_JOIN_SCORE, STORY_WINDOW_DAYS, STORY_POSTINGS_PER_TERM) this
   * instance decides with. */
  readonly joinScore: number;
  readonly windowDays: number;
  readonly postingsPerTerm: number;
}

/** Which instance owns the stream, for operators (and the failover tests) to see without reading logs. */
@Controller('stream')
export class StreamStatusController {
  constructor(
    private readonly transport: ExactlyOnceTransport,
    private readonly engine: StoryEngine,
  ) {}

  @Get()
  status(): StreamStatus {
    const { joinScore, windowMs, postingsPerTerm } = this.engine.config;
    return { role: this.transport.currentStatus, stories: this.engine.stories, joinScore, windowDays: windowMs / DAY_MS, postingsPerTerm };
  }
}
