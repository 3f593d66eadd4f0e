import { loadConfig } from '@app/platform';
import { storiesConfigSchema } from './stories.config';

describe('stories configuration', () => {
  it('listens on 3002 and uses the embedded database when DATABASE_URL is absent', () => {
    const config = loadConfig(storiesConfigSchema, { KAFKA_BROKERS: 'k:9092' });
    expect(config).toMatchObject({ PORT: 3002, KAFKA_CLIENT_ID: 'stories' });
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it('projects the contract topic in memory by default, with its own consumer group', () => {
    expect(loadConfig(storiesConfigSchema, { KAFKA_BROKERS: 'k:9092' })).toMatchObject({
      STORY_EVENTS_TOPIC: 'news.story-events.v1',
      STORIES_GROUP_ID: 'news.stories-projection.v1',
      PROJECTION_EVENTS_PER_TRANSACTION: 500,
      SSE_HEARTBEAT_SECONDS: 15,
    });
    const config = loadConfig(storiesConfigSchema, { KAFKA_BROKERS: 'k:9092' });
    expect(config.PGLITE_DIR).toBeUndefined();
    expect(config.DATABASE_SCHEMA).toBeUndefined();
  });

  it('takes a schema name that needs no quoting, and refuses anything else', () => {
    expect(loadConfig(storiesConfigSchema, { KAFKA_BROKERS: 'k:9092', DATABASE_SCHEMA: 'stories_test_1' }).DATABASE_SCHEMA).toBe('stories_test_1');
    for (const bad of ['Stories', '1st', 'a;drop table x', 'x'.repeat(41)]) {
      expect(() => loadConfig(storiesConfigSchema, { KAFKA_BROKERS: 'k:9092', DATABASE_SCHEMA: bad })).toThrow(
        'DATABASE_SCHEMA must be a lower-case SQL name of at most 40 letters, digits or _, not starting with a digit',
      );
    }
  });

  it('takes dashboard probes by name and URL, and refuses one carrying credentials without printing it', () => {
    const probes = 'gateway=http://gateway:3000,dedup=https://dedup.internal:3001/';
    expect(loadConfig(storiesConfigSchema, { KAFKA_BROKERS: 'k:9092', OPS_PROBES: probes }).OPS_PROBES).toEqual([
      'gateway=http://gateway:3000',
      'dedup=https://dedup.internal:3001/',
    ]);
    const refused = () => loadConfig(storiesConfigSchema, { KAFKA_BROKERS: 'k:9092', OPS_PROBES: 'gateway=http://ops:s3cret@gateway:3000' });
    expect(refused).toThrow('OPS_PROBES must be a comma-separated list of name=http://host:port entries, without user:password@ (value hidden)');
    expect(refused).not.toThrow(/s3cret/);
  });

  it('takes a PostgreSQL URL', () => {
    const url = 'postgres://stories:pw@db:5432/stories';
    expect(loadConfig(storiesConfigSchema, { KAFKA_BROKERS: 'k:9092', DATABASE_URL: url }).DATABASE_URL).toBe(url);
  });

  it('rejects another URL without printing it, since it may hold a password', () => {
    expect(() => loadConfig(storiesConfigSchema, { KAFKA_BROKERS: 'k:9092', DATABASE_URL: 'mysql://u:pw@db/x' })).toThrow(
      'Invalid configuration: DATABASE_URL must be a postgres:// or postgresql:// URL (value hidden)',
    );
  });
});
