import { type DynamicModule, Global, Module } from '@nestjs/common';
import { type StoriesConfig } from './stories.config';
import { STORIES_CONFIG } from './stories-config.token';

/** The validated environment, injectable everywhere as STORIES_CONFIG. */
@Global()
@Module({})
export class StoriesConfigModule {
  static forRoot(config: StoriesConfig): DynamicModule {
    return { module: StoriesConfigModule, providers: [{ provide: STORIES_CONFIG, useValue: config }], exports: [STORIES_CONFIG] };
  }
}
