import { loadConfig } from '@app/platform';
import { gatewayConfigSchema } from './gateway.config';

describe('gateway configuration', () => {
  it('listens on 3000 by default and splits the API keys', () => {
    expect(loadConfig(gatewayConfigSchema, { KAFKA_BROKERS: 'k:9092', API_KEYS: 'key-a, key-b' })).toMatchObject({
      PORT: 3000,
      API_KEYS: ['key-a', 'key-b'],
      KAFKA_CLIENT_ID: 'gateway',
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

  it('rejects a bad port', () => {
    expect(() => loadConfig(gatewayConfigSchema, { KAFKA_BROKERS: 'k:9092', API_KEYS: 'a', PORT: 'abc' })).toThrow(
      'Invalid configuration: PORT must be an integer between 1 and 65535 (got "abc")',
    );
  });
});
