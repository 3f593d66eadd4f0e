import { KafkaJSNonRetriableError, KafkaJSNumberOfRetriesExceeded, KafkaJSProtocolError } from 'kafkajs';
import { isFencedError } from './fenced';

// The kafkajs typings declare fewer constructor arguments than its JavaScript takes; these mirror what it throws.
const protocolError = (type: string, code: number) => new KafkaJSProtocolError({ type, code, retriable: false, message: type } as unknown as Error);
const NonRetriable = KafkaJSNonRetriableError as unknown as new (e: Error, metadata: { cause: Error }) => Error;
const RetriesExceeded = KafkaJSNumberOfRetriesExceeded as unknown as new (e: Error, metadata: { retryCount: number; retryTime: number }) => Error;

describe('isFencedError', () => {
  it('recognises both codes Kafka uses for a fenced producer', () => {
    expect(isFencedError(protocolError('INVALID_PRODUCER_EPOCH', 47))).toBe(true);
    // kafkajs 2.2.4 does not know code 90 by name; the number alone must do.
    expect(isFencedError(protocolError('KAFKA_UNKNOWN_ERROR', 90))).toBe(true);
  });

  it('looks through the wrappers the kafkajs retrier puts around protocol errors', () => {
    const inner = protocolError('INVALID_PRODUCER_EPOCH', 47);
    expect(isFencedError(new NonRetriable(inner, { cause: inner }))).toBe(true);
    expect(isFencedError(new RetriesExceeded(new NonRetriable(inner, { cause: inner }), { retryCount: 5, retryTime: 100 }))).toBe(true);
  });

  it('does not mistake other failures for fencing', () => {
    expect(isFencedError(protocolError('MESSAGE_TOO_LARGE', 10))).toBe(false);
    expect(isFencedError(protocolError('CONCURRENT_TRANSACTIONS', 51))).toBe(false);
    expect(isFencedError(new Error('socket hang up'))).toBe(false);
    expect(isFencedError(undefined)).toBe(false);
    expect(isFencedError('INVALID_PRODUCER_EPOCH')).toBe(false);
  });
});
