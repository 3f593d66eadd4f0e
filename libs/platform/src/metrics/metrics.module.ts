import { Controller, type DynamicModule, Get, Header, Inject, type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { httpMetricsMiddleware } from './http-metrics';

/** The app's Prometheus registry: inject it to register the app's own counters and histograms. */
export const METRICS_REGISTRY = Symbol('METRICS_REGISTRY');

@Controller('metrics')
class MetricsController {
  constructor(@Inject(METRICS_REGISTRY) private readonly registry: Registry) {}

  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  scrape(): Promise<string> {
    return this.registry.metrics();
  }
}

/**
 * `/metrics` in the Prometheus text format, with Node's process metrics (heap, event-loop lag, GC) and a
 * `service` label on every series so one dashboard can tell the three apps apart, and request counts and durations
 * per route. A registry per app instance,
 * not prom-client's global one, so tests can run several apps in one process.
 */
@Module({})
export class MetricsModule implements NestModule {
  constructor(@Inject(METRICS_REGISTRY) private readonly registry: Registry) {}

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(httpMetricsMiddleware(this.registry)).forRoutes('*');
  }

  static forService(service: string): DynamicModule {
    const registry = new Registry();
    registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: registry });
    return {
      module: MetricsModule,
      global: true,
      controllers: [MetricsController],
      providers: [{ provide: METRICS_REGISTRY, useValue: registry }],
      exports: [METRICS_REGISTRY],
    };
  }
}
