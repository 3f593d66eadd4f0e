import { Inject, Injectable, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { type StoriesConfig } from '../config/stories.config';
import { STORIES_CONFIG } from '../config/stories-config.token';
import { type Database, DATABASE } from './database';
import { openDatabase } from './open-database';

/**
 * Closes the database in the last shutdown phase: the consumer and the streams stop in onModuleDestroy, which
 * Nest runs for every module before any onApplicationShutdown.
 */
@Injectable()
class DatabaseCloser implements OnApplicationShutdown {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  onApplicationShutdown(): Promise<void> {
    return this.db.close();
  }
}

const logger = new Logger('Database');

@Module({
  providers: [
    {
      provide: DATABASE,
      inject: [STORIES_CONFIG],
      useFactory: (config: StoriesConfig) => openDatabase(config, (error) => logger.error({ err: error }, 'database connection error')),
    },
    DatabaseCloser,
  ],
  exports: [DATABASE],
})
export class DatabaseModule {}
