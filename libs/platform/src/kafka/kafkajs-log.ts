import { type LoggerService } from '@nestjs/common';
import { type logCreator, logLevel } from 'kafkajs';

/**
 * kafkajs' own log lines (lost connections, retries, rebalances) into the app's logger, so they come out as the
 * app's JSON lines at its LOG_LEVEL instead of as kafkajs' console output.
 */
export const kafkajsLogCreator =
  (logger: LoggerService): logCreator =>
  () =>
  ({ namespace, level, log }) => {
    const { message, ...context } = log;
    const entry = { ...context, namespace };
    if (level <= logLevel.ERROR) logger.error(entry, message);
    else if (level === logLevel.WARN) logger.warn(entry, message);
    else logger.debug?.(entry, message);
  };
