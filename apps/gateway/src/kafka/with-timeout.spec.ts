import { withTimeout } from './with-timeout';

describe('withTimeout', () => {
  afterEach(() => jest.useRealTimers());

  it('passes the result or the failure through when the promise settles first', async () => {
    await expect(withTimeout(Promise.resolve(1), 1_000, () => new Error('late'))).resolves.toBe(1);
    await expect(withTimeout(Promise.reject(new Error('boom')), 1_000, () => new Error('late'))).rejects.toThrow('boom');
  });

  it('rejects with the timeout error when the promise never settles', async () => {
    jest.useFakeTimers();
    const pending = withTimeout(new Promise(() => undefined), 5_000, () => new Error('no answer in 5 s'));
    jest.advanceTimersByTime(5_000);
    await expect(pending).rejects.toThrow('no answer in 5 s');
  });

  it('leaves no timer behind once settled', async () => {
    jest.useFakeTimers();
    await withTimeout(Promise.resolve('done'), 60_000, () => new Error('late'));
    expect(jest.getTimerCount()).toBe(0);
  });
});
