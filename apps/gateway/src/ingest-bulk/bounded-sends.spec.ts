import { BoundedSends } from './bounded-sends';

interface Deferred {
  readonly promise: Promise<void>;
  resolve(): void;
  reject(error: Error): void;
}
const deferred = (): Deferred => {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
};
const settled = async <T>(promise: Promise<T>): Promise<boolean> => {
  let done = false;
  void promise.then(
    () => (done = true),
    () => (done = true),
  );
  await new Promise((resolve) => setImmediate(resolve));
  return done;
};

describe('BoundedSends', () => {
  it('lets up to max sends run, then makes the next add wait for the oldest', async () => {
    const sends = new BoundedSends(2);
    const [a, b] = [deferred(), deferred()];
    await sends.add(a.promise);
    const adding = sends.add(b.promise);
    expect(await settled(adding)).toBe(false);
    a.resolve();
    expect(await settled(adding)).toBe(true);
    b.resolve();
    await sends.drain();
  });

  it('rethrows the first failure on the next add and on drain', async () => {
    const sends = new BoundedSends(3);
    const failing = deferred();
    await sends.add(failing.promise);
    failing.reject(new Error('broker gone'));
    await sends.drain().catch(() => undefined);
    await expect(sends.add(Promise.resolve())).rejects.toThrow('broker gone');
    expect(() => sends.throwIfFailed()).toThrow('broker gone');
  });

  it('drain waits for every send', async () => {
    const sends = new BoundedSends(5);
    const [a, b] = [deferred(), deferred()];
    await sends.add(a.promise);
    await sends.add(b.promise);
    const draining = sends.drain();
    a.resolve();
    expect(await settled(draining)).toBe(false);
    b.resolve();
    await expect(draining).resolves.toBeUndefined();
  });
});
