import { z } from 'zod';
import { port } from './env-fields';
import { loadConfig } from './load-config';
import { appConfigSchema } from './shared-env';

const schema = appConfigSchema('indexer', { PORT: port(4000), BATCH: z.string().default('10') });

describe('appConfigSchema', () => {
  it('adds the shared settings, with the app name as the Kafka client id', () => {
    expect(loadConfig(schema, { KAFKA_BROKERS: 'k1:9092,k2:9092' })).toEqual({
      NODE_ENV: 'development',
      LOG_LEVEL: 'info',
      SHUTDOWN_TIMEOUT_SECONDS: 60,
      KAFKA_BROKERS: ['k1:9092', 'k2:9092'],
      KAFKA_CLIENT_ID: 'indexer',
      KAFKA_SSL: false,
      PORT: 4000,
      BATCH: '10',
    });
  });

  it('requires the broker list', () => {
    expect(() => loadConfig(schema, {})).toThrow('KAFKA_BROKERS must be a comma-separated list of host:port (not set)');
  });

  it('checks the shared settings', () => {
    expect(() => loadConfig(schema, { KAFKA_BROKERS: 'k:9092', LOG_LEVEL: 'loud', NODE_ENV: 'prod' })).toThrow(
      'Invalid configuration: NODE_ENV must be one of development, test, production (got "prod"); ' +
        'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "loud")',
    );
  });

  it('takes SASL settings and wants credentials with a mechanism', () => {
    const sasl = { KAFKA_BROKERS: 'k:9093', KAFKA_SSL: 'true', KAFKA_SASL_MECHANISM: 'scram-sha-512' };
    expect(() => loadConfig(schema, sasl)).toThrow(
      'Invalid configuration: KAFKA_SASL_USERNAME must be set when KAFKA_SASL_MECHANISM is scram-sha-512 (not set); ' +
        'KAFKA_SASL_PASSWORD must be set when KAFKA_SASL_MECHANISM is scram-sha-512 (not set)',
    );
    expect(loadConfig(schema, { ...sasl, KAFKA_SASL_USERNAME: 'u', KAFKA_SASL_PASSWORD: 'p' })).toMatchObject({
      KAFKA_SSL: true,
      KAFKA_SASL_MECHANISM: 'scram-sha-512',
    });
    expect(() => loadConfig(schema, { KAFKA_BROKERS: 'k:9093', KAFKA_SASL_USERNAME: 'u', KAFKA_SASL_PASSWORD: 'p' })).toThrow(
      'Invalid configuration: KAFKA_SASL_MECHANISM must be set when KAFKA_SASL_USERNAME or KAFKA_SASL_PASSWORD is (without it the credentials would go unused)',
    );
    expect(() => loadConfig(schema, { ...sasl, KAFKA_SASL_MECHANISM: 'gssapi' })).toThrow(
      'KAFKA_SASL_MECHANISM must be one of plain, scram-sha-256, scram-sha-512 (got "gssapi")',
    );
  });
});
