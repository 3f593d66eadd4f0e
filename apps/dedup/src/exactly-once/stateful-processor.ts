/** One consumed record as the transport hands it to an @EventPattern handler. */
export interface InputRecord {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  /** Broker timestamp, epoch milliseconds. */
  readonly timestamp: number;
}

/** A record a handler wants written in the same transaction as the consumed offsets. */
export interface OutgoingRecord {
  readonly topic: string;
  /** Set it to learn the offset the broker gives the record (see `CommittedOffsets`). */
  readonly partition?: number;
  readonly key: string | Buffer | null;
  readonly value: string | Buffer | null;
}

/** Last offset written per `topic:partition` in a committed transaction, for records sent to an explicit partition. */
export type CommittedOffsets = ReadonlyMap<string, bigint>;
export const partitionKey = (topic: string, partition: number): string => `${topic}:${partition}`;

/**
 * The state the handlers fold forward, as the transport drives it. Its decisions reach Kafka only in transactions,
 * so the state has to follow each outcome: keep what committed, forget what aborted, and catch up with what an
 * earlier owner committed before deciding anything itself.
 */
export interface StatefulProcessor {
  /** Before joining the group, and after losing the partitions: be, or become again, a warm standby. */
  standBy(): Promise<void>;
  /** The earlier owner is fenced: fold everything it committed before the first input is handled. */
  takeOver(): Promise<void>;
  /** The transaction with the handlers' records committed. */
  committed(offsets: CommittedOffsets): void;
  /** The transaction aborted, or a handler failed before it: drop every decision since the last commit. */
  rolledBack(): Promise<void>;
  /** Shutting down after the last transaction finished. */
  close(): Promise<void>;
}
