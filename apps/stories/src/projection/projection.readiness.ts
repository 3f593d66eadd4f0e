import { Injectable } from '@nestjs/common';
import { KafkaReachability, type ReadinessCheck } from '@app/platform';
import { StoryProjection } from './story-projection';

/**
 * Ready while the consumer has joined its group and the cluster answers; the API alone could serve, but it would
 * serve a stale story log. The consumer keeps its state through a broker outage, so the cluster is asked directly.
 */
@Injectable()
export class ProjectionReadiness implements ReadinessCheck {
  readonly name = 'consumer';

  constructor(
    private readonly projection: StoryProjection,
    private readonly kafka: KafkaReachability,
  ) {}

  async check(): Promise<void> {
    const { state, problem } = this.projection.status();
    if (state !== 'running') throw new Error(`not running (${state}${problem === undefined ? '' : `: ${problem}`})`);
    await this.kafka.check();
  }
}
