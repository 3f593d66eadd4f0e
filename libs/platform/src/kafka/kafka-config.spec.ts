import { loadConfig } from '../config/load-config';
import { appConfigSchema } from '../config/shared-env';
import { kafkaConfigFromEnv } from './kafka-config';

const schema = appConfigSchema('indexer', {});

describe('kafkaConfigFromEnv', () => {
  it('builds a plaintext client by default', () => {
    expect(kafkaConfigFromEnv(loadConfig(schema, { KAFKA_BROKERS: 'k1:9092,k2:9092' }))).toEqual({
      clientId: 'indexer',
      brokers: ['k1:9092', 'k2:9092'],
      ssl: false,
    });
  });

  it('passes TLS and SASL through', () => {
    const env = loadConfig(schema, {
      KAFKA_BROKERS: 'managed:9096',
      KAFKA_CLIENT_ID: 'indexer-eu',
      KAFKA_SSL: 'true',
      KAFKA_SASL_MECHANISM: 'plain',
      KAFKA_SASL_USERNAME: 'svc',
      KAFKA_SASL_PASSWORD: 'secret',
    });
    expect(kafkaConfigFromEnv(env)).toEqual({
      clientId: 'indexer-eu',
      brokers: ['managed:9096'],
      ssl: true,
      sasl: { mechanism: 'plain', username: 'svc', password: 'secret' },
    });
  });
});
