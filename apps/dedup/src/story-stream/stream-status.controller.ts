import { Controller, Get } from '@nestjs/common';
import { DAY_MS } from '@app/stories';
import { ExactlyOnceTransport, type TransportStatus } from '../exactly-once/exactly-once.transport';
import { type RestoreReport, StoryEngine } from '../story-state/story-engine';

export interface StreamStatus {
  /** owner: deciding articles; standby: following the story log, ready to take over. */
  readonly role: TransportStatus;
  readonly stories: number;
  /** The engine settings from the environment (STORY_JOIN_SCORE, STORY_WINDOW_DAYS, STORY_POSTINGS_PER_TERM) this
   * instance decides with. */
  readonly joinScore: number;
  readonly windowDays: number;
  readonly postingsPerTerm: number;
  /** How this instance last rebuilt its state: from which snapshot file (null: the whole log), replaying how many of
   * the log's events after it, in how many milliseconds. Absent until the first restore finished. */
  readonly lastRestore?: RestoreReport;
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
    const { lastRestore } = this.engine;
    return {
      role: this.transport.currentStatus,
      stories: this.engine.stories,
      joinScore,
      windowDays: windowMs / DAY_MS,
      postingsPerTerm,
      ...(lastRestore === undefined ? {} : { lastRestore }),
    };
  }
}
