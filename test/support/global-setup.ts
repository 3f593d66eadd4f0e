import { resolveBroker } from '../../tools/kafka/resolve-broker';
import { type BrokerHolder } from './broker-holder';

/** One broker for the whole integration run; tests find it through KAFKA_BROKERS like the apps do. */
export default async function globalSetup(): Promise<void> {
  const startedAt = Date.now();
  const broker = await resolveBroker();
  (globalThis as BrokerHolder).__kafkaBroker = broker;
  process.env.KAFKA_BROKERS = broker.brokers;
  process.env.KAFKA_BROKER_SOURCE = broker.source;
  process.stderr.write(`\n[kafka] ${broker.source} broker at ${broker.brokers} (${Date.now() - startedAt} ms)\n`);
}
