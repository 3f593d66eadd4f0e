/**
 * Every record dedup writes stays under this, below the 1 MiB max.message.bytes of the output topics: a record
 * the broker refuses would abort its transaction on every retry and stall the stream.
 */
export const MAX_OUTPUT_RECORD_BYTES = 900 * 1024;

/** What a dead letter keeps of an oversized input; even JSON-escaped six times over it stays under the bound. */
export const DEAD_LETTER_PAYLOAD_BYTES = 64 * 1024;
