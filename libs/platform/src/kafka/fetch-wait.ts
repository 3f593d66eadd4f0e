/**
 * How long the broker holds a fetch on an idle topic, for the apps' long-lived consumers. Stopping a consumer waits
 * for its fetch in flight, so this bounds what a SIGTERM costs (kafkajs' 5 s default made a stop of the stories app
 * take about 3 s and one of dedup about 2 s); records end a fetch as soon as they arrive, so it does not delay what
 * the consumers see.
 */
export const FETCH_WAIT_MS = 500;
