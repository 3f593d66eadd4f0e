/** Kafka did not acknowledge a write in time, or refused it: the caller must not report the records as stored. */
export class KafkaUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'KafkaUnavailableError';
  }
}
