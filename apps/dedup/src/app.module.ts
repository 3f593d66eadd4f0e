import { type DynamicModule, Module } from '@nestjs/common';
import { HealthModule, loggerModule, MetricsModule } from '@app/platform';
import { type DedupConfig } from './config/dedup.config';
import { StoryStreamModule } from './story-stream/story-stream.module';
import { StreamReadiness } from './story-stream/stream-readiness';

/** The dedup service: the exactly-once story stream, health (ready once the story state is restored) and metrics. */
@Module({})
export class AppModule {
  static forConfig(config: DedupConfig): DynamicModule {
    const stream = StoryStreamModule.forConfig(config);
    return {
      module: AppModule,
      imports: [loggerModule(config), MetricsModule.forService('dedup'), stream, HealthModule.forService('dedup', { imports: [stream], checks: [StreamReadiness] })],
    };
  }
}
