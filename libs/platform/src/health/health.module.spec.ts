import { type INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { HealthModule } from './health.module';

describe('HealthModule', () => {
  let app: INestApplication;
  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ imports: [HealthModule.forService('gateway')] }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.listen(0, '127.0.0.1');
  });
  afterAll(() => app.close());

  it('answers GET /health with 200 and the service it belongs to', async () => {
    const response = await fetch(`${await app.getUrl()}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', service: 'gateway' });
  });
});
