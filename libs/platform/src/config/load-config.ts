import { type z } from 'zod';

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration: ${problems.join('; ')}`);
    this.name = 'ConfigError';
  }
}

/** Values of these may be or contain credentials; a config error must not copy them into logs. */
const SECRET_NAME = /PASSWORD|SECRET|TOKEN|KEY|DATABASE_URL|PROBES/i;

const describeValue = (name: string, value: string | undefined): string => {
  if (value === undefined) return 'not set';
  if (SECRET_NAME.test(name)) return 'value hidden';
  return `got ${JSON.stringify(value)}`;
};

/**
 * Validates the environment once at start-up and fails with every problem at once, each naming the variable and
 * what it should be. Empty values count as unset, so `PORT=` in a compose file falls back to the default.
 */
export const loadConfig = <S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv = process.env): z.output<S> => {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const result = schema.safeParse(present);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const name = String(issue.path[0] ?? '(environment)');
    return `${name} ${issue.message} (${describeValue(name, present[name])})`;
  });
  throw new ConfigError([...new Set(problems)]);
};
