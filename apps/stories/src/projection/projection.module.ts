import { Module } from '@nestjs/common';
import { kafkaConfigFromEnv, KafkaReachability } from '@app/platform';
import { STORIES_CONFIG } from '../config/stories-config.token';
import { type StoriesConfig } from '../config/stories.config';
import { DatabaseModule } from '../database/database.module';
import { StoryProjection } from './story-projection';

@Module({
  imports: [DatabaseModule],
  providers: [
    StoryProjection,
    // For readiness: the projection's consumer keeps its state through an outage, so the cluster is asked itself.
    { provide: KafkaReachability, useFactory: (config: StoriesConfig) => new KafkaReachability(kafkaConfigFromEnv(config)), inject: [STORIES_CONFIG] },
  ],
  exports: [StoryProjection, KafkaReachability],
})
export class ProjectionModule {}
