import { type DynamicModule, Module } from '@nestjs/common';
import { HealthModule, loggerModule } from '@app/platform';
import { type StoriesConfig } from './config/stories.config';

/** The read side: story events projected into PostgreSQL, served over REST and SSE. */
@Module({})
export class AppModule {
  static forConfig(config: StoriesConfig): DynamicModule {
    return { module: AppModule, imports: [loggerModule(config), HealthModule.forService('stories')] };
  }
}
