import { loadConfig } from '@app/platform';
import { storiesConfigSchema } from './stories.config';

describe('stories configuration', () => {
  it('listens on 3002 and uses the embedded database when DATABASE_URL is absent', () => {
    const config = loadConfig(storiesConfigSchema, { KAFKA_BROKERS: 'k:9092' });
    expect(config).toMatchObject({ PORT: 3002, KAFKA_CLIENT_ID: 'stories' });
    expect(config.DATABASE_URL).toBeUndefined();
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
