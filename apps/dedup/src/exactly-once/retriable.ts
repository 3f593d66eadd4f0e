/** kafkajs marks errors a later attempt can get past (a leader still being elected, a coordinator loading). */
export const isRetriable = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as { retriable?: unknown }).retriable === true;

/**
 * Runs `work` again after a retriable Kafka error, with a growing pause. Topics created a moment ago answer "not
 * the leader for that topic-partition" until their leaders are known everywhere: that is a reason to wait, not to
 * fail the stream. Anything else, or the last attempt's error, is thrown.
 */
export const retryRetriable = async <T>(work: () => Promise<T>, attempts = 8, firstDelayMs = 250): Promise<T> => {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (!isRetriable(error) || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, firstDelayMs * 2 ** (attempt - 1)));
    }
  }
};
