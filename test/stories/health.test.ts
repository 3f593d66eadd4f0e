import { createTopics, testKafka, uniqueName } from '../support/kafka';
import { dropSchemas, FLAVOURS, startStoriesApp, uniqueSchema } from './support/stories-app';

const kafka = testKafka('stories-health-test');
const schemas: string[] = [];
const schemaFor = (flavour: string) => {
  if (flavour !== 'PostgreSQL') return undefined;
  const schema = uniqueSchema();
  schemas.push(schema);
  return schema;
};

describe.each(FLAVOURS)('stories readiness on %s', (flavour) => {
  afterAll(() => dropSchemas(schemas));

  it('is ready when the database answers and the consumer has joined its group', async () => {
    const topic = uniqueName('stories.health');
    await createTopics(kafka, [topic]);
    const app = await startStoriesApp({ flavour, topic, schema: schemaFor(flavour) });
    try {
      const response = await fetch(`${app.url}/health/ready`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({
        status: 'ok',
        info: { database: { status: 'up' }, consumer: { status: 'up' } },
        error: {},
        details: { database: { status: 'up' }, consumer: { status: 'up' } },
      });
    } finally {
      await app.stop();
    }
  });

  it('serves what the database holds while Kafka is unreachable, and says it is not ready', async () => {
    // Nothing listens on the discard port: every connection attempt is refused.
    const app = await startStoriesApp({ flavour, topic: uniqueName('stories.health'), schema: schemaFor(flavour), brokers: '127.0.0.1:9', skipReadiness: true });
    try {
      const ready = await fetch(`${app.url}/health/ready`);
      expect(ready.status).toBe(503);
      const body = (await ready.json()) as { status: string; error: Record<string, { status: string; message: string }> };
      expect(body).toMatchObject({ status: 'error', info: { database: { status: 'up' } } });
      expect(body.error.consumer.message).toMatch(/^not running \(starting/);
      expect((await fetch(`${app.url}/health`)).status).toBe(200);
      const stories = await fetch(`${app.url}/v1/stories`);
      expect(stories.status).toBe(200);
      expect(await stories.json()).toEqual({ stories: [], nextCursor: null });
    } finally {
      await app.stop();
    }
  });
});
