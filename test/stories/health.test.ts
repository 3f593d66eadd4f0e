import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTopics, testKafka, uniqueName } from '../support/kafka';
import { E, PART_1 } from './support/rockets-log';
import { writeTransaction } from './support/story-log';
import { dropSchemas, FLAVOURS, startStoriesApp, uniqueSchema, waitFor } from './support/stories-app';

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
    // First a run on the real broker projects a part of a story log; then the same database with no broker at all.
    const topic = uniqueName('stories.health');
    await createTopics(kafka, [topic]);
    await writeTransaction(kafka, topic, PART_1);
    const dir = flavour === 'PGlite' ? mkdtempSync(join(tmpdir(), 'stories-health-')) : undefined;
    const stored = { flavour, topic, schema: schemaFor(flavour), pgliteDir: dir };
    try {
      const first = await startStoriesApp(stored);
      try {
        await waitFor(async () => (await fetch(`${first.url}/v1/articles/${E.shellsRewrite.articleId}/story`)).status === 200, 'the log to be projected');
      } finally {
        await first.stop();
      }
      const projected = ['st-rockets', 'st-shells'];

      // Nothing listens on the discard port: every connection attempt is refused.
      const app = await startStoriesApp({ ...stored, brokers: '127.0.0.1:9', skipReadiness: true });
      try {
        const ready = await fetch(`${app.url}/health/ready`);
        expect(ready.status).toBe(503);
        const body = (await ready.json()) as { status: string; error: Record<string, { status: string; message: string }> };
        expect(body).toMatchObject({ status: 'error', info: { database: { status: 'up' } } });
        expect(body.error.consumer.message).toMatch(/^not running \(starting/);
        expect((await fetch(`${app.url}/health`)).status).toBe(200);
        const stories = await fetch(`${app.url}/v1/stories`);
        expect(stories.status).toBe(200);
        expect(((await stories.json()) as { stories: { id: string }[] }).stories.map((story) => story.id).sort()).toEqual(projected);
        expect((await fetch(`${app.url}/v1/articles/${E.shellsRewrite.articleId}/story`)).status).toBe(200);
      } finally {
        await app.stop();
      }
    } finally {
      if (dir) rmSync(dir, { recursive: true, force: true });
    }
  });
});
