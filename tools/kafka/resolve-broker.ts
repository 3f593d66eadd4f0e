import { type KafkaConfig } from 'kafkajs';
// Relative, not @app/platform: jest loads this module for its global setup without the path aliases.
import { appConfigSchema } from '../../libs/platform/src/config/shared-env';
import { loadConfig } from '../../libs/platform/src/config/load-config';
import { kafkaConfigFromEnv } from '../../libs/platform/src/kafka/kafka-config';
import { isDockerEngineReachable } from './docker-engine';
import { type RunningBroker, startLocalBroker } from './local-broker';
import { startTestcontainersBroker } from './testcontainers-broker';

export type BrokerSource = 'env' | 'testcontainers' | 'local';

export interface ResolvedBroker extends RunningBroker {
  readonly source: BrokerSource;
  /** Settings for a tool's own kafkajs client: a cluster named in the environment is reached with the TLS and SASL
   * settings the apps read from there too (KAFKA_SSL, KAFKA_SASL_*); a broker started here needs none. */
  clientConfig(clientId: string): KafkaConfig;
}

export interface BrokerResolverDeps {
  readonly env: NodeJS.ProcessEnv;
  readonly dockerEngineReachable: () => Promise<boolean>;
  readonly startTestcontainers: () => Promise<RunningBroker>;
  readonly startLocal: () => Promise<RunningBroker>;
}

const defaultDeps: BrokerResolverDeps = {
  env: process.env,
  dockerEngineReachable: () => isDockerEngineReachable(),
  startTestcontainers: startTestcontainersBroker,
  startLocal: () => startLocalBroker(),
};

const withSource = (broker: RunningBroker, source: BrokerSource): ResolvedBroker => ({
  brokers: broker.brokers,
  source,
  stop: () => broker.stop(),
  clientConfig: (clientId) => ({ clientId, brokers: broker.brokers.split(',') }),
});

const configuredCluster = (env: NodeJS.ProcessEnv): ResolvedBroker => ({
  brokers: env.KAFKA_BROKERS!.trim(),
  source: 'env',
  stop: async () => undefined,
  clientConfig: (clientId) => ({ ...kafkaConfigFromEnv(loadConfig(appConfigSchema(clientId, {}), env)), clientId }),
});

/**
 * Finds a Kafka for tests and local runs: a broker the caller already has (KAFKA_BROKERS), else a container when a
 * Docker engine answers, else a JVM broker from the cached jars. Only brokers started here are stopped by stop().
 */
export const resolveBroker = async (deps: Partial<BrokerResolverDeps> = {}): Promise<ResolvedBroker> => {
  const { env, dockerEngineReachable, startTestcontainers, startLocal } = { ...defaultDeps, ...deps };
  if (env.KAFKA_BROKERS?.trim()) return configuredCluster(env);
  if (await dockerEngineReachable()) return withSource(await startTestcontainers(), 'testcontainers');
  return withSource(await startLocal(), 'local');
};
