import { type DynamicModule, Module } from '@nestjs/common';
import { HealthModule, loggerModule } from '@app/platform';
import { type GatewayConfig } from './config/gateway.config';

/** HTTP ingest: articles in, records on news.articles.v1. */
@Module({})
export class AppModule {
  static forConfig(config: GatewayConfig): DynamicModule {
    return { module: AppModule, imports: [loggerModule(config), HealthModule.forService('gateway')] };
  }
}
