import { z } from 'zod';
import { decimal, flag, integer, list, oneOf, port } from './env-fields';
import { ConfigError, loadConfig } from './load-config';

const schema = z.object({
  PORT: port(3000),
  WORKERS: integer(1, 8).optional(),
  RATIO: decimal(0.05, 0.5).optional(),
  VERBOSE: flag(false),
  MODE: oneOf(['fast', 'safe']).default('safe'),
  HOSTS: list('a comma-separated list of host:port', /^\S+:\d+$/),
  DB_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
});

const problemsOf = (env: NodeJS.ProcessEnv): readonly string[] => {
  try {
    loadConfig(schema, env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
};

describe('loadConfig', () => {
  it('applies defaults and converts types', () => {
    expect(loadConfig(schema, { HOSTS: ' a:1 , b:2,, ' })).toEqual({ PORT: 3000, VERBOSE: false, MODE: 'safe', HOSTS: ['a:1', 'b:2'] });
    expect(loadConfig(schema, { HOSTS: 'a:1', PORT: '8080', WORKERS: '4', VERBOSE: 'true', MODE: 'fast' })).toMatchObject({
      PORT: 8080,
      WORKERS: 4,
      VERBOSE: true,
      MODE: 'fast',
    });
  });

  it('reads decimals with or without a leading zero', () => {
    expect(loadConfig(schema, { HOSTS: 'a:1', RATIO: '0.25' }).RATIO).toBe(0.25);
    expect(loadConfig(schema, { HOSTS: 'a:1', RATIO: '.2' }).RATIO).toBe(0.2);
    expect(loadConfig(schema, { HOSTS: 'a:1', RATIO: '0.5' }).RATIO).toBe(0.5);
  });

  it('names the variable, what it expects and what it got', () => {
    expect(() => loadConfig(schema, { HOSTS: 'a:1', PORT: 'abc' })).toThrow(
      new ConfigError(['PORT must be an integer between 1 and 65535 (got "abc")']),
    );
    expect(() => loadConfig(schema, { HOSTS: 'a:1', PORT: 'abc' })).toThrow(
      'Invalid configuration: PORT must be an integer between 1 and 65535 (got "abc")',
    );
  });

  it.each([
    [{ PORT: '0' }, 'PORT must be an integer between 1 and 65535 (got "0")'],
    [{ PORT: '65536' }, 'PORT must be an integer between 1 and 65535 (got "65536")'],
    [{ PORT: '80.5' }, 'PORT must be an integer between 1 and 65535 (got "80.5")'],
    [{ WORKERS: '9' }, 'WORKERS must be an integer between 1 and 8 (got "9")'],
    [{ RATIO: '0.6' }, 'RATIO must be a decimal number between 0.05 and 0.5 (got "0.6")'],
    [{ RATIO: '0.01' }, 'RATIO must be a decimal number between 0.05 and 0.5 (got "0.01")'],
    [{ RATIO: '2e-1' }, 'RATIO must be a decimal number between 0.05 and 0.5 (got "2e-1")'],
    [{ RATIO: 'high' }, 'RATIO must be a decimal number between 0.05 and 0.5 (got "high")'],
    [{ VERBOSE: 'maybe' }, 'VERBOSE must be true or false (got "maybe")'],
    [{ MODE: 'slow' }, 'MODE must be one of fast, safe (got "slow")'],
  ])('rejects %j', (env, problem) => {
    expect(problemsOf({ HOSTS: 'a:1', ...env })).toEqual([problem]);
  });

  it('says when a required variable is missing, and treats an empty one as missing', () => {
    expect(problemsOf({})).toEqual(['HOSTS must be a comma-separated list of host:port (not set)']);
    expect(problemsOf({ HOSTS: '' })).toEqual(['HOSTS must be a comma-separated list of host:port (not set)']);
    expect(loadConfig(schema, { HOSTS: 'a:1', PORT: '' }).PORT).toBe(3000);
  });

  it('reports a bad list entry once, however many entries are bad', () => {
    expect(problemsOf({ HOSTS: 'a:1,nope,also-bad' })).toEqual([
      'HOSTS must be a comma-separated list of host:port (got "a:1,nope,also-bad")',
    ]);
    expect(problemsOf({ HOSTS: ' , ' })).toEqual(['HOSTS must be a comma-separated list of host:port (got " , ")']);
  });

  it('lists every bad variable at once', () => {
    expect(problemsOf({ PORT: 'x', MODE: 'y' })).toHaveLength(3);
  });

  it('never echoes the value of a secret', () => {
    const problems = problemsOf({ HOSTS: 'a:1', DB_PASSWORD: 'hunter2' });
    expect(problems).toEqual(['DB_PASSWORD must be at least 12 characters (value hidden)']);
  });
});
