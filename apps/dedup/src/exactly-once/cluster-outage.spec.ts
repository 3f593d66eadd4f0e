import { KafkaJSConnectionError, KafkaJSGroupCoordinatorNotFound, KafkaJSNonRetriableError, KafkaJSProtocolError } from 'kafkajs';
import { isClusterOutage } from './cluster-outage';

// Wrapped as kafkajs' retrier wraps an error it will not retry: the original becomes the cause. (kafkajs' type
// declarations leave out the constructors' arguments its own code passes.)
type ErrorClass = new (...args: unknown[]) => Error;
const asKafkajsGivesUp = (error: Error) => new (KafkaJSNonRetriableError as unknown as ErrorClass)(error, { cause: error });
const kafkajsError = (Class: unknown, message: string) => new (Class as ErrorClass)(message);

describe('isClusterOutage', () => {
  it('sees a lost group coordinator behind the non-retriable error kafkajs crashes the consumer with', () => {
    const crash = asKafkajsGivesUp(kafkajsError(KafkaJSGroupCoordinatorNotFound, 'Failed to find group coordinator'));
    expect(crash.name).toBe('KafkaJSNonRetriableError');
    expect(isClusterOutage(crash)).toBe(true);
  });

  it('sees a refused connection', () => {
    expect(isClusterOutage(asKafkajsGivesUp(kafkajsError(KafkaJSConnectionError, 'connect ECONNREFUSED 127.0.0.1:9092')))).toBe(true);
  });

  it('leaves other failures to fail the stream', () => {
    expect(isClusterOutage(asKafkajsGivesUp(kafkajsError(KafkaJSProtocolError, 'The producer was fenced')))).toBe(false);
    expect(isClusterOutage(new Error('Failed to find group coordinator'))).toBe(false);
  });
});
