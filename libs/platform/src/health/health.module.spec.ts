import { type INestApplication, Injectable } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { HealthModule } from './health.module';
import { type ReadinessCheck } from './readiness';

@Injectable()
class DatabaseUp implements ReadinessCheck {
  readonly name = 'database';
  check = async (): Promise<void> => undefined;
}

@Injectable()
class OwnerRole implements ReadinessCheck {
  readonly name = 'stream';
  check = async () => ({ role: 'owner', partitions: 6 });
}

@Injectable()
class ConsumerDown implements ReadinessCheck {
  readonly name = 'consumer';
  check = async (): Promise<void> => {
    throw new Error('not running (starting)');
  };
}

const start = async (module: ReturnType<typeof HealthModule.forService>): Promise<INestApplication> => {
  const moduleRef = await Test.createTestingModule({ imports: [module] }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  await app.listen(0, '127.0.0.1');
  return app;
};

describe('HealthModule', () => {
  let app: INestApplication;
  beforeAll(async () => {
    app = await start(HealthModule.forService('gateway'));
  });
  afterAll(() => app.close());

  it('answers GET /health with 200 and the service it belongs to', async () => {
    const response = await fetch(`${await app.getUrl()}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', info: { process: { status: 'up', service: 'gateway', uptimeSeconds: expect.any(Number) } } });
  });

  it('is ready when it has no readiness checks', async () => {
    const response = await fetch(`${await app.getUrl()}/health/ready`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', info: {}, error: {}, details: {} });
  });

  it('answers GET /health/ready with 503 and what failed when a check fails, 200 when all pass', async () => {
    const failing = await start(HealthModule.forService('stories', { checks: [DatabaseUp, ConsumerDown] }));
    const passing = await start(HealthModule.forService('stories', { checks: [DatabaseUp, OwnerRole] }));
    try {
      const down = await fetch(`${await failing.getUrl()}/health/ready`);
      expect(down.status).toBe(503);
      expect(await down.json()).toEqual({
        status: 'error',
        info: { database: { status: 'up' } },
        error: { consumer: { status: 'down', message: 'not running (starting)' } },
        details: { database: { status: 'up' }, consumer: { status: 'down', message: 'not running (starting)' } },
      });
      const up = await fetch(`${await passing.getUrl()}/health/ready`);
      expect(up.status).toBe(200);
      expect(await up.json()).toMatchObject({ status: 'ok', details: { database: { status: 'up' }, stream: { status: 'up', role: 'owner', partitions: 6 } } });
    } finally {
      await failing.close();
      await passing.close();
    }
  });
});
