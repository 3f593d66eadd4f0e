import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { Topics } from '@app/contracts';
import { type InputRecord, type OutgoingRecord } from '../exactly-once/stateful-processor';
import { StoryEngine } from '../story-state/story-engine';

/**
 * The decide step as a Nest handler: an article record in, the records to write out. The exactly-once transport
 * calls it inside the transaction that will carry its output and the consumed offset.
 */
@Controller()
export class DecideArticleController {
  constructor(private readonly engine: StoryEngine) {}

  @EventPattern(Topics.articles)
  decide(@Payload() record: InputRecord): OutgoingRecord[] {
    return this.engine.decide(record);
  }
}
