import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { DEDUP_CONFIG } from './config/dedup-config.token';
import { DedupConfig } from './config/dedup.config';
import { HealthController } from './health/health.controller';
import { StoryStreamService } from './story-stream/story-stream.service';

/** The dedup service: the exactly-once story stream, and a health endpoint. */
@Module({})
export class AppModule {
  static withConfig(config: DedupConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.LOG_LEVEL,
            transport: process.stdout.isTTY && process.env.NODE_ENV !== 'production' ? { target: 'pino-pretty' } : undefined,
          },
        }),
      ],
      controllers: [HealthController],
      providers: [{ provide: DEDUP_CONFIG, useValue: config }, StoryStreamService],
    };
  }
}
