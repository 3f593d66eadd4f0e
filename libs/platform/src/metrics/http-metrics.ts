import { Counter, Histogram, type Registry } from 'prom-client';

interface RequestLike {
  method: string;
  route?: { path?: string };
  baseUrl?: string;
}
interface ResponseLike {
  statusCode: number;
  once(event: 'finish' | 'close', listener: () => void): unknown;
}

/**
 * Counts and times every HTTP request, labelled by the matched route pattern (never the raw URL: ids in paths would
 * make one series per article). A request no route matched is `unmatched`; one the client abandoned is still counted.
 */
export const httpMetricsMiddleware = (registry: Registry) => {
  const requests = new Counter({ name: 'http_requests_total', help: 'HTTP requests by route and status', labelNames: ['method', 'route', 'status'], registers: [registry] });
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by route',
    labelNames: ['method', 'route'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  return (req: RequestLike, res: ResponseLike, next: () => void): void => {
    const started = process.hrtime.bigint();
    let recorded = false;
    const record = () => {
      if (recorded) return;
      recorded = true;
      // Route patterns escape literal colons (`articles\\:bulk`); the label shows the path as clients call it.
      const route = req.route?.path ? `${req.baseUrl ?? ''}${req.route.path}`.replace(/\\(.)/g, '$1') : 'unmatched';
      requests.inc({ method: req.method, route, status: String(res.statusCode) });
      duration.observe({ method: req.method, route }, Number(process.hrtime.bigint() - started) / 1e9);
    };
    res.once('finish', record);
    res.once('close', record);
    next();
  };
};
