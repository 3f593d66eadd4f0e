import { type DynamicModule, type INestApplication, type NestApplicationOptions } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { type z } from 'zod';
import { ConfigError, loadConfig } from '../config/load-config';
import { securityHeadersMiddleware } from './security-headers';
import { armShutdownDeadline } from './shutdown-deadline';

/** What an app adds to the shared start-up: its own Nest options and app-wide setup (middleware, filters, docs). */
export interface HttpAppSetup<C> {
  readonly nestOptions?: NestApplicationOptions;
  readonly configure?: (app: INestApplication, config: C) => void | Promise<void>;
}

/** What every app's HTTP server gets before its own setup; the integration tests build their apps with it too. */
export const sharedHttpSetup = (app: INestApplication): void => {
  app.use(securityHeadersMiddleware);
};

/**
 * The whole of an app's main.ts: validate the environment, build the root module from it, log through pino and
 * listen. A configuration error ends the process with its message alone; a stack trace would only hide it.
 */
export const runHttpApp = async <S extends z.ZodType<{ PORT: number; SHUTDOWN_TIMEOUT_SECONDS: number }>>(
  schema: S,
  rootModule: (config: z.output<S>) => DynamicModule,
  setup: HttpAppSetup<z.output<S>> = {},
): Promise<void> => {
  try {
    const config = loadConfig(schema);
    const app = await NestFactory.create(rootModule(config), { ...setup.nestOptions, bufferLogs: true });
    app.useLogger(app.get(Logger));
    app.enableShutdownHooks();
    armShutdownDeadline(config.SHUTDOWN_TIMEOUT_SECONDS * 1000, () => {
      process.stderr.write(`still stopping after SHUTDOWN_TIMEOUT_SECONDS (${config.SHUTDOWN_TIMEOUT_SECONDS} s): exiting now\n`);
      process.exit(1);
    });
    sharedHttpSetup(app);
    await setup.configure?.(app, config);
    await app.listen(config.PORT);
  } catch (error) {
    process.stderr.write(`${error instanceof ConfigError ? error.message : error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  }
};
