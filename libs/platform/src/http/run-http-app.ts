import { type DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { type z } from 'zod';
import { ConfigError, loadConfig } from '../config/load-config';

/**
 * The whole of an app's main.ts: validate the environment, build the root module from it, log through pino and
 * listen. A configuration error ends the process with its message alone; a stack trace would only hide it.
 */
export const runHttpApp = async <S extends z.ZodType<{ PORT: number }>>(
  schema: S,
  rootModule: (config: z.output<S>) => DynamicModule,
): Promise<void> => {
  try {
    const config = loadConfig(schema);
    const app = await NestFactory.create(rootModule(config), { bufferLogs: true });
    app.useLogger(app.get(Logger));
    app.enableShutdownHooks();
    await app.listen(config.PORT);
  } catch (error) {
    process.stderr.write(`${error instanceof ConfigError ? error.message : error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  }
};
