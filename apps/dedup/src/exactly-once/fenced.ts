/** Kafka's answers to a producer whose transactional id a newer instance has claimed (pre- and post-2.7 codes). */
const FENCED_TYPES = new Set(['INVALID_PRODUCER_EPOCH', 'PRODUCER_FENCED']);
const FENCED_CODES = new Set([47, 90]);

interface MaybeKafkaError {
  type?: unknown;
  code?: unknown;
  cause?: unknown;
  originalError?: unknown;
}

/**
 * True when the error says another instance owns the transactional id now. kafkajs wraps protocol errors
 * (retries exhausted, non-retriable), so the whole chain is searched.
 */
export const isFencedError = (error: unknown): boolean => {
  for (let current: unknown = error, depth = 0; current !== null && typeof current === 'object' && depth < 10; depth++) {
    const { type, code, cause, originalError } = current as MaybeKafkaError;
    if ((typeof type === 'string' && FENCED_TYPES.has(type)) || (typeof code === 'number' && FENCED_CODES.has(code))) return true;
    current = originalError ?? cause;
  }
  return false;
};
