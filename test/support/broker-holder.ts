import { type ResolvedBroker } from '../../tools/kafka/resolve-broker';

/** Jest runs global setup and teardown in one process but as separate modules; the global object links them. */
export type BrokerHolder = typeof globalThis & { __kafkaBroker?: ResolvedBroker | undefined };
