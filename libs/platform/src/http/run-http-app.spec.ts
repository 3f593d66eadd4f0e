import { ConfigError } from '../config/load-config';
import { startFailure } from './run-http-app';

describe('startFailure', () => {
  it('tells a configuration error by its problems alone', () => {
    expect(startFailure(new ConfigError(['PORT must be an integer between 1 and 65535 (got "x")']))).toBe(
      'Invalid configuration: PORT must be an integer between 1 and 65535 (got "x")',
    );
  });

  it('tells a module that could not start in one line, with the error code a driver gives', () => {
    const refused = Object.assign(new Error('database "nosuchdb" does not exist'), { code: '3D000' });
    expect(startFailure(refused, false)).toBe('could not start: database "nosuchdb" does not exist (3D000)');
    expect(startFailure('boom', false)).toBe('could not start: boom');
  });

  it('adds the stack at debug level', () => {
    const failure = startFailure(new Error('listen EADDRINUSE: address already in use :::3000'), true);
    expect(failure.split('\n')[0]).toBe('could not start: listen EADDRINUSE: address already in use :::3000');
    expect(failure.split('\n')[1]).toMatch(/^Error: listen EADDRINUSE/);
  });
});
