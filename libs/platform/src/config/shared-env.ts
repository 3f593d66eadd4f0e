import { z } from 'zod';
import { flag, integer, list, oneOf, text } from './env-fields';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export const commonEnv = {
  NODE_ENV: oneOf(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: oneOf(LOG_LEVELS).default('info'),
  SHUTDOWN_TIMEOUT_SECONDS: integer(1, 3600).default(60),
};

export const SASL_MECHANISMS = ['plain', 'scram-sha-256', 'scram-sha-512'] as const;

/** What every app needs to reach Kafka; SASL and TLS are passed through to kafkajs for managed clusters. */
export const kafkaEnv = {
  KAFKA_BROKERS: list('a comma-separated list of host:port', /^\S+:\d{1,5}$/),
  KAFKA_CLIENT_ID: text().default('newsroom-story-stream'),
  KAFKA_SSL: flag(false),
  KAFKA_SASL_MECHANISM: oneOf(SASL_MECHANISMS).optional(),
  KAFKA_SASL_USERNAME: text().optional(),
  KAFKA_SASL_PASSWORD: text().optional(),
  // Unset: the brokers' default.replication.factor, which is 1 on a broker left at its defaults.
  KAFKA_TOPIC_REPLICATION_FACTOR: integer(1, 32).optional(),
};

const kafkaEnvSchema = z.object(kafkaEnv);
export type KafkaEnv = z.output<typeof kafkaEnvSchema>;

const commonEnvSchema = z.object(commonEnv);
export type CommonEnv = z.output<typeof commonEnvSchema>;

/** A SASL mechanism without credentials would only fail later, at the first broker handshake; credentials without a
 * mechanism would be ignored, and the app would connect without authenticating. */
const requireSaslCredentials = (env: Partial<Record<keyof KafkaEnv, unknown>>, ctx: z.RefinementCtx): void => {
  const mechanism = env.KAFKA_SASL_MECHANISM;
  if (mechanism === undefined) {
    const given = (['KAFKA_SASL_USERNAME', 'KAFKA_SASL_PASSWORD'] as const).filter((name) => env[name] !== undefined);
    if (given.length > 0) {
      ctx.addIssue({ code: 'custom', path: ['KAFKA_SASL_MECHANISM'], message: `must be set when ${given.join(' or ')} is (without it the credentials would go unused)` });
    }
    return;
  }
  for (const name of ['KAFKA_SASL_USERNAME', 'KAFKA_SASL_PASSWORD'] as const) {
    if (env[name] === undefined) {
      ctx.addIssue({ code: 'custom', path: [name], message: `must be set when KAFKA_SASL_MECHANISM is ${String(mechanism)}` });
    }
  }
};

/**
 * An app's whole environment: the shared fragments plus its own variables. The Kafka client id defaults to the
 * app's name so broker logs and quotas tell the apps apart.
 */
export const appConfigSchema = <S extends z.ZodRawShape>(appName: string, own: S) =>
  z
    .object({ ...commonEnv, ...kafkaEnv, KAFKA_CLIENT_ID: text().default(appName), ...own })
    .superRefine(requireSaslCredentials);
