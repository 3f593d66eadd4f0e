/** Server-sent event frames (text/event-stream); JSON data never holds a raw newline, so one data line suffices. */
export const eventFrame = (id: number, type: string, data: unknown): string => `id: ${id}\nevent: ${type}\ndata: ${JSON.stringify(data)}\n\n`;

/** A comment line: clients ignore it, proxies and load balancers see traffic and keep the connection. */
export const commentFrame = (text: string): string => `: ${text}\n\n`;

/** How long a browser's EventSource waits before it reconnects (sending Last-Event-ID). */
export const retryFrame = (ms: number): string => `retry: ${ms}\n\n`;
