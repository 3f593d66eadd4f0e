import { type DynamicModule, type INestApplication, type NestApplicationOptions } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { type z } from 'zod';
import { ConfigError, loadConfig } from '../config/load-config';
import { securityHeadersMiddleware } from './security-headers';
import { armShutdownDeadline, SHUTDOWN_SIGNALS } from './shutdown-deadline';

/** What an app adds to the shared start-up: its own Nest options and app-wide setup (middleware, filters, docs). */
export interface HttpAppSetup<C> {
  readonly nestOptions?: NestApplicationOptions;
  readonly configure?: (app: INestApplication, config: C) => void | Promise<void>;
}

/** What every app's HTTP server gets before its own setup; the integration tests build their apps with it too. */
export const sharedHttpSetup = (app: INestApplication): void => {
  app.use(securityHeadersMiddleware);
};

/** Why an app could not start, in one line: the configuration's problems, or the error a module failed with (its
 * stack is noise to an operator; LOG_LEVEL=debug shows it). */
export const startFailure = (error: unknown, debug = /^(debug|trace)$/.test(process.env.LOG_LEVEL ?? '')): string => {
  if (error instanceof ConfigError) return error.message;
  if (!(error instanceof Error)) return `could not start: ${String(error)}`;
  const code = (error as { code?: unknown }).code;
  const line = `could not start: ${error.message}${typeof code === 'string' ? ` (${code})` : ''}`;
  return debug && error.stack !== undefined ? `${line}\n${error.stack}` : line;
};

/**
 * The whole of an app's main.ts: validate the environment, build the root module from it, log through pino and
 * listen. A start that fails ends the process with one line saying why (`startFailure`).
 */
export const runHttpApp = async <S extends z.ZodType<{ PORT: number; SHUTDOWN_TIMEOUT_SECONDS: number }>>(
  schema: S,
  rootModule: (config: z.output<S>) => DynamicModule,
  setup: HttpAppSetup<z.output<S>> = {},
): Promise<void> => {
  try {
    const config = loadConfig(schema);
    // abortOnError false: a module that cannot start (a database refusing the connection) rejects here, to be told in
    // one line, instead of Nest printing a coloured stack and aborting.
    const app = await NestFactory.create(rootModule(config), { ...setup.nestOptions, bufferLogs: true, abortOnError: false, logger: false });
    app.useLogger(app.get(Logger));
    app.enableShutdownHooks([...SHUTDOWN_SIGNALS]);
    armShutdownDeadline(config.SHUTDOWN_TIMEOUT_SECONDS * 1000, () => {
      process.stderr.write(`still stopping after SHUTDOWN_TIMEOUT_SECONDS (${config.SHUTDOWN_TIMEOUT_SECONDS} s): exiting now\n`);
      process.exit(1);
    });
    sharedHttpSetup(app);
    await setup.configure?.(app, config);
    await app.listen(config.PORT);
  } catch (error) {
    process.stderr.write(`${startFailure(error)}\n`);
    process.exit(1);
  }
};
