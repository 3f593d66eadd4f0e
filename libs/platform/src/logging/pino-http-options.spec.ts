import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import pino from 'pino';
import { pinoHttp } from 'pino-http';
import { pinoHttpOptions } from './pino-http-options';

const production = { NODE_ENV: 'production', LOG_LEVEL: 'info' } as const;

/** Collects the JSON lines a logger writes. */
const sink = (): { stream: Writable; lines: () => Record<string, unknown>[] } => {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  return { stream, lines: () => text.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>) };
};

describe('pinoHttpOptions', () => {
  it('writes JSON in production even on a terminal, and pretty lines on a developer terminal only', () => {
    expect(pinoHttpOptions(production, true).transport).toBeUndefined();
    expect(pinoHttpOptions({ ...production, NODE_ENV: 'development' }, false).transport).toBeUndefined();
    expect(pinoHttpOptions({ ...production, NODE_ENV: 'development' }, true).transport).toMatchObject({ target: 'pino-pretty' });
  });

  it('redacts secrets in objects the app logs', () => {
    const { stream, lines } = sink();
    const { redact, level } = pinoHttpOptions(production, false);
    const logger = pino({ redact, level }, stream);
    logger.info({ user: { name: 'ann', password: 'p1' }, config: { KAFKA_SASL_PASSWORD: 'p2', API_KEYS: ['k'] } }, 'hello');
    const [line] = lines();
    expect(line).toMatchObject({ user: { name: 'ann', password: '[redacted]' }, config: { KAFKA_SASL_PASSWORD: '[redacted]', API_KEYS: '[redacted]' } });
  });

  describe('on real HTTP requests', () => {
    let server: Server;
    let url: string;
    let lines: () => Record<string, unknown>[];

    beforeAll(async () => {
      const collected = sink();
      lines = collected.lines;
      const log = pinoHttp(pinoHttpOptions(production, false), collected.stream);
      server = createServer((req, res) => {
        log(req, res);
        res.end('ok');
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise((resolve) => server.close(resolve)));

    it('redacts credentials in request headers and skips health checks and metrics scrapes', async () => {
      await fetch(`${url}/health`);
      await fetch(`${url}/health/ready`);
      await fetch(`${url}/metrics`);
      await fetch(`${url}/metricsx`);
      await fetch(`${url}/v1/articles`, { headers: { authorization: 'Bearer t0ken', 'x-api-key': 'k3y', cookie: 'sid=1' } });
      const logged = lines();
      expect(logged.map((line) => (line.req as { url: string }).url)).toEqual(['/metricsx', '/v1/articles']);
      expect(logged[1]).toMatchObject({
        req: { url: '/v1/articles', headers: { authorization: '[redacted]', 'x-api-key': '[redacted]', cookie: '[redacted]' } },
      });
      expect(JSON.stringify(logged)).not.toMatch(/t0ken|k3y/);
    });
  });
});
