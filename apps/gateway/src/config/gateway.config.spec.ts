import { loadConfig } from '@app/platform';
import { gatewayConfigSchema } from './gateway.config';

describe('gateway configuration', () => {
  it('listens on 3000 by default, splits the API keys and writes to the contract topic', () => {
    expect(loadConfig(gatewayConfigSchema, { KAFKA_BROKERS: 'k:9092', API_KEYS: 'key-a, key-b' })).toMatchObject({
      PORT: 3000,
      API_KEYS: ['key-a', 'key-b'],
      KAFKA_CLIENT_ID: 'gateway',
      MAX_BODY_BYTES: 1048576,
      RATE_LIMIT_PER_SECOND: 100,
      RATE_LIMIT_BURST: 200,
      RATE_LIMIT_BULK_ARTICLES_PER_SECOND: 2000,
      RATE_LIMIT_BULK_ARTICLES_BURST: 20_000,
      KAFKA_PRODUCE_TIMEOUT_MS: 10_000,
      ARTICLES_TOPIC: 'news.articles.v1',
    });
  });

  it('refuses to start without API keys, and does not echo them when they are wrong', () => {
    expect(() => loadConfig(gatewayConfigSchema, { KAFKA_BROKERS: 'k:9092' })).toThrow(
      'Invalid configuration: API_KEYS must be a comma-separated list of API keys (not set)',
    );
    expect(() => loadConfig(gatewayConfigSchema, { KAFKA_BROKERS: 'k:9092', API_KEYS: ' , ' })).toThrow(
      'Invalid configuration: API_KEYS must be a comma-separated list of API keys (value hidden)',
    );
  });

  it('refuses a topic name Kafka would refuse, instead of starting and answering 503 to every article', () => {
    expect(() => loadConfig(gatewayConfigSchema, { KAFKA_BROKERS: 'k:9092', API_KEYS: 'a', ARTICLES_TOPIC: 'news articles' })).toThrow(
      `Invalid configuration: ARTICLES_TOPIC must be a Kafka topic name: 1 to 249 letters, digits, '.', '_' or '-' (got "news articles")`,
    );
    expect(loadConfig(gatewayConfigSchema, { KAFKA_BROKERS: 'k:9092', API_KEYS: 'a', ARTICLES_TOPIC: 'staging_news.articles-v2' }).ARTICLES_TOPIC).toBe('staging_news.articles-v2');
  });

  it('rejects a bad port', () => {
    expect(() => loadConfig(gatewayConfigSchema, { KAFKA_BROKERS: 'k:9092', API_KEYS: 'a', PORT: 'abc' })).toThrow(
      'Invalid configuration: PORT must be an integer between 1 and 65535 (got "abc")',
    );
  });

  it('takes the limits from the environment and names a bad one', () => {
    const env = { KAFKA_BROKERS: 'k:9092', API_KEYS: 'a' };
    expect(
      loadConfig(gatewayConfigSchema, { ...env, MAX_BODY_BYTES: '2048', RATE_LIMIT_PER_SECOND: '5', RATE_LIMIT_BURST: '10', KAFKA_PRODUCE_TIMEOUT_MS: '500' }),
    ).toMatchObject({ MAX_BODY_BYTES: 2048, RATE_LIMIT_PER_SECOND: 5, RATE_LIMIT_BURST: 10, KAFKA_PRODUCE_TIMEOUT_MS: 500 });
    expect(() => loadConfig(gatewayConfigSchema, { ...env, RATE_LIMIT_PER_SECOND: '0' })).toThrow(
      'RATE_LIMIT_PER_SECOND must be an integer between 1 and 1000000 (got "0")',
    );
    expect(() => loadConfig(gatewayConfigSchema, { ...env, MAX_BODY_BYTES: '1mb' })).toThrow(
      'MAX_BODY_BYTES must be an integer between 1024 and 16777216 (got "1mb")',
    );
  });
});
