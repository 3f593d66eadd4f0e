import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { HealthModule, loggerModule, MetricsModule } from '@app/platform';
import { ApiKeys } from './auth/api-keys';
import { ApiKeyGuard, RateLimitGuard } from './auth/ingest-access.guards';
import { GatewayConfigModule } from './config/gateway-config.module';
import { type GatewayConfig } from './config/gateway.config';
import { ApiExceptionFilter } from './http/api-exception.filter';
import { IngestArticleController } from './ingest-article/ingest-article.controller';
import { BULK_ARTICLE_LIMITER } from './ingest-bulk/bulk-article-limiter.token';
import { IngestBulkController } from './ingest-bulk/ingest-bulk.controller';
import { ArticleProducerModule } from './kafka/article-producer.module';
import { KafkaReadiness } from './kafka/kafka.readiness';
import { IngestMetrics } from './metrics/ingest-metrics';
import { RateLimiter } from './rate-limit/token-bucket';

/** HTTP ingest: articles in, records on news.articles.v1. */
@Module({})
export class AppModule {
  static forConfig(config: GatewayConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        GatewayConfigModule.forConfig(config),
        loggerModule(config),
        MetricsModule.forService('gateway'),
        ArticleProducerModule,
        HealthModule.forService('gateway', { imports: [ArticleProducerModule], checks: [KafkaReadiness] }),
      ],
      controllers: [IngestArticleController, IngestBulkController],
      providers: [
        { provide: ApiKeys, useValue: new ApiKeys(config.API_KEYS) },
        { provide: RateLimiter, useValue: new RateLimiter({ ratePerSecond: config.RATE_LIMIT_PER_SECOND, burst: config.RATE_LIMIT_BURST }) },
        {
          provide: BULK_ARTICLE_LIMITER,
          useValue: new RateLimiter({ ratePerSecond: config.RATE_LIMIT_BULK_ARTICLES_PER_SECOND, burst: config.RATE_LIMIT_BULK_ARTICLES_BURST }),
        },
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
        ApiKeyGuard,
        RateLimitGuard,
        IngestMetrics,
      ],
    };
  }
}
