/**
 * Whether a consumer crash only says the brokers are away: the group coordinator could not be found, or no broker
 * took the connection. kafkajs wraps these in a non-retriable error once its own retries run out (the original is
 * the error's cause), and then does not restart the consumer itself.
 */
export const isClusterOutage = (error: Error): boolean => {
  for (let cause: (Error & { cause?: unknown }) | undefined = error; cause !== undefined; cause = cause.cause instanceof Error ? cause.cause : undefined) {
    if (cause.name === 'KafkaJSGroupCoordinatorNotFound' || cause.name === 'KafkaJSConnectionError') return true;
  }
  return false;
};
