import { type INestApplication } from '@nestjs/common';
import { ExactlyOnceTransport } from '../exactly-once/exactly-once.transport';

/** EX_TEMPFAIL: a supervisor restarts the process, and it comes back as a standby. */
export const FENCED_EXIT_CODE = 75;

/**
 * Connects the exactly-once transport to the HTTP app as a Nest microservice, so the @EventPattern handlers are
 * registered with it, and starts it. A fenced or failed stream closes the app and ends the process: an instance
 * that may no longer write must not look healthy.
 */
export const connectStoryStream = async (
  app: INestApplication,
  exit: (code: number) => void = (code) => process.exit(code),
): Promise<ExactlyOnceTransport> => {
  const transport = app.get(ExactlyOnceTransport);
  const stop = (code: number) => () => {
    setTimeout(() => exit(code), 10_000).unref();
    void app.close().finally(() => exit(code));
  };
  transport.on('fenced', stop(FENCED_EXIT_CODE));
  transport.on('failed', stop(1));
  app.connectMicroservice({ strategy: transport }, { inheritAppConfig: true });
  await app.startAllMicroservices();
  return transport;
};
