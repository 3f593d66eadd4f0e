/**
 * Settles with the promise, or rejects with `onTimeout()` after `ms`. The underlying work is not cancelled (kafkajs
 * sends cannot be), only no longer waited for.
 */
export const withTimeout = <T>(promise: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
};
