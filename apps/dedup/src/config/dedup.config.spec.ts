import { loadConfig } from '@app/platform';
import { dedupConfigSchema } from './dedup.config';

describe('dedup configuration', () => {
  it('fills defaults around the required broker list, keeping the contract topics', () => {
    expect(loadConfig(dedupConfigSchema, { KAFKA_BROKERS: '127.0.0.1:9092' })).toMatchObject({
      KAFKA_BROKERS: ['127.0.0.1:9092'],
      KAFKA_CLIENT_ID: 'story-dedup',
      PORT: 3001,
      DEDUP_GROUP_ID: 'news.story-dedup.v1',
      DEDUP_TRANSACTIONAL_ID: 'news.story-dedup.v1',
      DEDUP_RECORDS_PER_TRANSACTION: 200,
      DEDUP_SESSION_TIMEOUT_MS: 30_000,
      STORY_WINDOW_DAYS: 7,
      STORY_JOIN_SCORE: 0.15,
      MAX_BODY_BYTES: 1048576,
      SNAPSHOT_EVERY_EVENTS: 5000,
      SNAPSHOT_EVERY_MS: 60_000,
      SNAPSHOT_DIR: './data/snapshots',
      ARTICLES_TOPIC: 'news.articles.v1',
      STORY_EVENTS_TOPIC: 'news.story-events.v1',
      STORIES_TOPIC: 'news.stories.v1',
      ARTICLES_DLQ_TOPIC: 'news.articles.dlq.v1',
    });
  });

  it('names the missing broker list', () => {
    expect(() => loadConfig(dedupConfigSchema, {})).toThrow(/KAFKA_BROKERS must be a comma-separated list of host:port \(not set\)/);
  });

  it('names a bad value and shows what it got', () => {
    expect(() => loadConfig(dedupConfigSchema, { KAFKA_BROKERS: 'k:9092', PORT: 'abc' })).toThrow('PORT must be an integer between 1 and 65535 (got "abc")');
    expect(() => loadConfig(dedupConfigSchema, { KAFKA_BROKERS: 'k:9092', DEDUP_SESSION_TIMEOUT_MS: '1000' })).toThrow(
      'DEDUP_SESSION_TIMEOUT_MS must be an integer between 6000 and 300000 (got "1000")',
    );
  });

  it('reports every bad variable at once', () => {
    expect(() => loadConfig(dedupConfigSchema, { KAFKA_BROKERS: 'k:9092', STORY_WINDOW_DAYS: '0', SNAPSHOT_EVERY_EVENTS: 'often', LOG_LEVEL: 'loud' })).toThrow(
      /STORY_WINDOW_DAYS.*SNAPSHOT_EVERY_EVENTS.*LOG_LEVEL|LOG_LEVEL.*STORY_WINDOW_DAYS.*SNAPSHOT_EVERY_EVENTS/,
    );
  });
});
