import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { kafkaConfigFromEnv, KafkaReachability, type ReadinessCheck } from '@app/platform';
import { STORIES_CONFIG } from '../config/stories-config.token';
import { type StoriesConfig } from '../config/stories.config';
import { StoryProjection } from './story-projection';

/**
 * Ready while the consumer has joined its group and the cluster answers; the API alone could serve, but it would
 * serve a stale story log. The consumer keeps its state through a broker outage, so the cluster is asked directly.
 */
@Injectable()
export class ProjectionReadiness implements ReadinessCheck, OnApplicationShutdown {
  readonly name = 'consumer';
  private readonly kafka: KafkaReachability;

  constructor(
    private readonly projection: StoryProjection,
    @Inject(STORIES_CONFIG) config: StoriesConfig,
  ) {
    this.kafka = new KafkaReachability(kafkaConfigFromEnv(config));
  }

  async check(): Promise<void> {
    const { state, problem } = this.projection.status();
    if (state !== 'running') throw new Error(`not running (${state}${problem === undefined ? '' : `: ${problem}`})`);
    await this.kafka.check();
  }

  onApplicationShutdown(): Promise<void> {
    return this.kafka.close();
  }
}
