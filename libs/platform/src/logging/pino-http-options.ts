import { type Options } from 'pino-http';
import { type CommonEnv } from '../config/shared-env';

/**
 * Where credentials can show up in a log line: request headers that pino-http serialises, and any object logged
 * with a password or the apps' secret settings in it (one or two levels deep).
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  'password',
  '*.password',
  '*.*.password',
  'KAFKA_SASL_PASSWORD',
  '*.KAFKA_SASL_PASSWORD',
  'API_KEYS',
  '*.API_KEYS',
];

/** Orchestrators poll /health (and /health/ready) and Prometheus scrapes /metrics every few seconds; logging each
 * poll would bury everything else. */
const isPoll = (url: string | undefined): boolean => /^\/(health|metrics)([/?]|$)/.test(url ?? '');

/**
 * JSON lines for machines everywhere except an interactive terminal outside production, where pino-pretty makes the
 * same records readable.
 */
export const pinoHttpOptions = (env: Pick<CommonEnv, 'NODE_ENV' | 'LOG_LEVEL'>, stdoutIsTty: boolean = process.stdout.isTTY === true): Options => ({
  level: env.LOG_LEVEL,
  redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
  autoLogging: { ignore: (req) => isPoll(req.url) },
  ...(env.NODE_ENV !== 'production' && stdoutIsTty ? { transport: { target: 'pino-pretty', options: { singleLine: true } } } : {}),
});
