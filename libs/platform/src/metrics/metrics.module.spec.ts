import { type INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Counter, type Registry } from 'prom-client';
import { METRICS_REGISTRY, MetricsModule } from './metrics.module';

describe('MetricsModule', () => {
  let app: INestApplication;
  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ imports: [MetricsModule.forService('stories')] }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.listen(0, '127.0.0.1');
  });
  afterAll(() => app.close());

  it('serves process metrics and the app own series, labelled with the service, in the Prometheus text format', async () => {
    const registry = app.get<Registry>(METRICS_REGISTRY);
    new Counter({ name: 'test_things_total', help: 'things', registers: [registry] }).inc(3);
    const response = await fetch(`${await app.getUrl()}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    expect(text).toContain('test_things_total{service="stories"} 3');
    expect(text).toMatch(/process_resident_memory_bytes\{service="stories"\} \d+/);
  });

  it('counts requests by matched route and status, and unmatched ones apart', async () => {
    const base = await app.getUrl();
    await fetch(`${base}/metrics`);
    await fetch(`${base}/no/such/thing`);
    const text = await (await fetch(`${base}/metrics`)).text();
    expect(text).toMatch(/http_requests_total\{method="GET",route="\/metrics",status="200",service="stories"\} [1-9]/);
    expect(text).toContain('http_requests_total{method="GET",route="unmatched",status="404",service="stories"} 1');
    expect(text).toMatch(/http_request_duration_seconds_count\{service="stories",method="GET",route="\/metrics"\} [1-9]/);
  });

  it('gives every app instance its own registry', () => {
    const a = MetricsModule.forService('a').providers![0] as { useValue: Registry };
    const b = MetricsModule.forService('b').providers![0] as { useValue: Registry };
    expect(a.useValue).not.toBe(b.useValue);
  });
});
