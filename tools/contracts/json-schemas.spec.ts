import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { jsonSchemaFor, schemaFileName, TOPIC_VALUE_SCHEMAS } from './json-schemas';

const topics = Object.keys(TOPIC_VALUE_SCHEMAS) as (keyof typeof TOPIC_VALUE_SCHEMAS)[];

describe('published JSON Schemas', () => {
  it.each(topics)('docs/schemas for %s match the zod schema (run `npm run docs:schemas` after a contract change)', (topic) => {
    const committed = readFileSync(join(__dirname, '..', '..', 'docs', 'schemas', schemaFileName(topic)), 'utf8');
    expect(committed).toBe(jsonSchemaFor(topic));
  });

  it('documents the fixed contract fields', () => {
    const article = JSON.parse(jsonSchemaFor('news.articles.v1'));
    expect(article.required).toEqual(['id', 'body']);
    expect(Object.keys(article.properties)).toEqual(['id', 'body', 'title', 'source', 'url', 'publishedAt', 'language']);
    const events = JSON.parse(jsonSchemaFor('news.story-events.v1'));
    expect(events.oneOf.map((e: { properties: { type: { const: string } } }) => e.properties.type.const)).toEqual([
      'StoryStarted',
      'StoryUpdated',
      'StoriesMerged',
    ]);
  });
});
