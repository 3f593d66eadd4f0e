/** Kafka did not acknowledge a write in time, or refused it: the caller must not report the records as stored. */
export class KafkaUnavailableError extends Error {
  /** False when the write never went to Kafka, so nothing of it can be stored. */
  readonly maybeStored: boolean;

  constructor(message: string, options?: { cause?: unknown; maybeStored?: boolean }) {
    super(message, options);
    this.maybeStored = options?.maybeStored ?? true;
    this.name = 'KafkaUnavailableError';
  }
}
