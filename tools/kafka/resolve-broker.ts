import { isDockerEngineReachable } from './docker-engine';
import { type RunningBroker, startLocalBroker } from './local-broker';
import { startTestcontainersBroker } from './testcontainers-broker';

export type BrokerSource = 'env' | 'testcontainers' | 'local';

export interface ResolvedBroker extends RunningBroker {
  readonly source: BrokerSource;
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
});

/**
 * Finds a Kafka for tests and local runs: a broker the caller already has (KAFKA_BROKERS), else a container when a
 * Docker engine answers, else a JVM broker from the cached jars. Only brokers started here are stopped by stop().
 */
export const resolveBroker = async (deps: Partial<BrokerResolverDeps> = {}): Promise<ResolvedBroker> => {
  const { env, dockerEngineReachable, startTestcontainers, startLocal } = { ...defaultDeps, ...deps };
  const configured = env.KAFKA_BROKERS?.trim();
  if (configured) return { brokers: configured, source: 'env', stop: async () => undefined };
  if (await dockerEngineReachable()) return withSource(await startTestcontainers(), 'testcontainers');
  return withSource(await startLocal(), 'local');
};
