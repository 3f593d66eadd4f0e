import { type DynamicModule, Module } from '@nestjs/common';
import { HealthModule, loggerModule, MetricsModule } from '@app/platform';
import { StoriesConfigModule } from './config/stories-config.module';
import { type StoriesConfig } from './config/stories.config';
import { DatabaseModule } from './database/database.module';
import { DatabaseReadiness } from './database/database.readiness';
import { OpsModule } from './ops/ops.module';
import { ProjectionModule } from './projection/projection.module';
import { ProjectionReadiness } from './projection/projection.readiness';
import { StoriesModule } from './stories/stories.module';
import { StreamModule } from './stream/stream.module';

/** The read side: story events projected into PostgreSQL, served over REST and SSE, and the operators' dashboard. */
@Module({})
export class AppModule {
  static forConfig(config: StoriesConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        loggerModule(config),
        StoriesConfigModule.forRoot(config),
        MetricsModule.forService('stories'),
        DatabaseModule,
        ProjectionModule,
        StoriesModule,
        StreamModule,
        OpsModule,
        HealthModule.forService('stories', { imports: [DatabaseModule, ProjectionModule], checks: [DatabaseReadiness, ProjectionReadiness] }),
      ],
    };
  }
}
