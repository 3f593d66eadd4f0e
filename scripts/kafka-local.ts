import { startLocalBroker } from '../tools/kafka/local-broker';

/**
 * `npm run kafka:local`: a broker in the foreground for running the apps by hand. stdout carries exactly one line,
 * `KAFKA_BROKERS=host:port`, so `eval "$(npm run --silent kafka:local)"`-style wrappers can read it; logs go to
 * stderr.
 */
const main = async (): Promise<void> => {
  let stop: (() => Promise<void>) | undefined;
  const onSignal = (signal: NodeJS.Signals): void => {
    process.stderr.write(`[kafka] ${signal}: stopping\n`);
    // Before the broker is ready there is nothing of ours to stop: exiting closes the watchdog's pipe, which
    // takes down a JVM that is still starting.
    void (stop ?? (async () => undefined))().then(() => process.exit(0));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  const broker = await startLocalBroker();
  stop = broker.stop;
  process.stderr.write(`[kafka] broker ready (JVM pid ${broker.pid}); Ctrl-C stops it\n`);
  process.stdout.write(`KAFKA_BROKERS=${broker.brokers}\n`);
};

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
