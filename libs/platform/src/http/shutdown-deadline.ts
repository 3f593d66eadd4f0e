import { type EventEmitter } from 'node:events';

export const SHUTDOWN_SIGNALS = ['SIGTERM', 'SIGINT'] as const;

/**
 * Bounds a graceful stop: once a stop signal arrives, the process has `ms` to close (finish its transaction, write
 * its snapshot, let go of its clients), then `overrun` ends it. A close that waits on an unreachable Kafka or a slow
 * client would otherwise hold the process until the orchestrator kills it without a word.
 */
export const armShutdownDeadline = (ms: number, overrun: () => void, signals: EventEmitter = process): void => {
  let armed = false;
  const arm = () => {
    if (armed) return;
    armed = true;
    // Unreferenced: a close that finishes in time ends the process as it would have without the deadline.
    setTimeout(overrun, ms).unref();
  };
  for (const signal of SHUTDOWN_SIGNALS) signals.once(signal, arm);
};
