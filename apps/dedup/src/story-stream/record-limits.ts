/**
 * Every record dedup writes stays under this, below the 1 MiB max.message.bytes of the output topics: a record
 * the broker refuses would abort its transaction on every retry and stall the stream.
 */
export const MAX_OUTPUT_RECORD_BYTES = 900 * 1024;

/** What a dead letter keeps of an oversized input; even JSON-escaped six times over it stays under the bound. */
export const DEAD_LETTER_PAYLOAD_BYTES = 64 * 1024;

/** What a dead letter keeps of an input's key: the articles topic takes keys as large as its records, the dead-letter
 * topic's record limit is the broker's 1 MiB default. */
export const DEAD_LETTER_KEY_BYTES = 1024;
