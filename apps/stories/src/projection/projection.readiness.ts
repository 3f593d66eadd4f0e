import { Injectable } from '@nestjs/common';
import { type ReadinessCheck } from '@app/platform';
import { StoryProjection } from './story-projection';

/** Ready once the consumer has joined its group; the API alone could serve, but it would serve a stale story log. */
@Injectable()
export class ProjectionReadiness implements ReadinessCheck {
  readonly name = 'consumer';

  constructor(private readonly projection: StoryProjection) {}

  async check(): Promise<void> {
    const { state, problem } = this.projection.status();
    if (state !== 'running') throw new Error(`not running (${state}${problem === undefined ? '' : `: ${problem}`})`);
  }
}
