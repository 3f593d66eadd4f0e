import { Inject, Injectable } from '@nestjs/common';
import { Counter, type Registry } from 'prom-client';
import { METRICS_REGISTRY } from '@app/platform';

/** Articles in: what the gateway stored on the input topic and what it refused, per endpoint. */
@Injectable()
export class IngestMetrics {
  private readonly articles: Counter<'endpoint' | 'outcome'>;

  constructor(@Inject(METRICS_REGISTRY) registry: Registry) {
    this.articles = new Counter({
      name: 'gateway_articles_total',
      help: 'Articles received, by endpoint and outcome (accepted = acknowledged by Kafka, rejected = failed validation)',
      labelNames: ['endpoint', 'outcome'],
      registers: [registry],
    });
  }

  count(endpoint: 'single' | 'bulk', accepted: number, rejected: number): void {
    if (accepted > 0) this.articles.inc({ endpoint, outcome: 'accepted' }, accepted);
    if (rejected > 0) this.articles.inc({ endpoint, outcome: 'rejected' }, rejected);
  }
}
