import { type BrokerHolder } from './broker-holder';

export default async function globalTeardown(): Promise<void> {
  const holder = globalThis as BrokerHolder;
  await holder.__kafkaBroker?.stop();
  holder.__kafkaBroker = undefined;
}
