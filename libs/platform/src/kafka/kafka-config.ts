import { type KafkaConfig, type SASLOptions } from 'kafkajs';
import { type KafkaEnv } from '../config/shared-env';

// The config schema guarantees username and password whenever a mechanism is set.
const saslOptions = ({ KAFKA_SASL_MECHANISM: mechanism, KAFKA_SASL_USERNAME: username = '', KAFKA_SASL_PASSWORD: password = '' }: KafkaEnv): SASLOptions | undefined =>
  mechanism === undefined ? undefined : { mechanism, username, password };

/** The kafkajs client settings for an app, from its validated environment. */
export const kafkaConfigFromEnv = (env: KafkaEnv): KafkaConfig => {
  const sasl = saslOptions(env);
  return {
    clientId: env.KAFKA_CLIENT_ID,
    brokers: env.KAFKA_BROKERS,
    ssl: env.KAFKA_SSL,
    ...(sasl === undefined ? {} : { sasl }),
  };
};
