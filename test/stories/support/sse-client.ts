/** A test client for text/event-stream over fetch: frames as they arrive, and a way to wait for some. */
export interface SseFrame {
  readonly id?: string;
  readonly event?: string;
  readonly data?: string;
  readonly retry?: string;
  readonly comment?: string;
}

export interface SseClient {
  readonly status: number;
  readonly frames: SseFrame[];
  /** Resolves once `done` holds for the frames received so far. */
  until(done: (frames: readonly SseFrame[]) => boolean, timeoutMs?: number): Promise<SseFrame[]>;
  close(): Promise<void>;
}

const parseFrame = (text: string): SseFrame => {
  const frame: Record<string, string> = {};
  for (const line of text.split('\n')) {
    if (line.startsWith(':')) frame.comment = line.slice(1).trim();
    else {
      const colon = line.indexOf(':');
      const field = line.slice(0, colon);
      const value = line.slice(colon + 1).replace(/^ /, '');
      frame[field] = field in frame ? `${frame[field]}\n${value}` : value;
    }
  }
  return frame;
};

export const connectSse = async (url: string, headers: Record<string, string> = {}): Promise<SseClient> => {
  const abort = new AbortController();
  const response = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: abort.signal });
  const frames: SseFrame[] = [];
  const waiters = new Set<() => void>();
  let ended = false;
  const reading = (async () => {
    if (!response.body) return;
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          frames.push(parseFrame(buffer.slice(0, end)));
          buffer = buffer.slice(end + 2);
        }
        for (const wake of waiters) wake();
      }
    } catch {
      // Aborted by close().
    } finally {
      ended = true;
      for (const wake of waiters) wake();
    }
  })();
  return {
    status: response.status,
    frames,
    async until(done, timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      while (!done(frames)) {
        if (ended) throw new Error(`the stream ended after ${JSON.stringify(frames)}`);
        if (Date.now() > deadline) throw new Error(`gave up waiting; received ${JSON.stringify(frames)}`);
        await new Promise<void>((resolve) => {
          const wake = () => {
            waiters.delete(wake);
            clearTimeout(timer);
            resolve();
          };
          const timer = setTimeout(wake, 200);
          waiters.add(wake);
        });
      }
      return [...frames];
    },
    async close() {
      abort.abort();
      await reading;
    },
  };
};

/** The story events among the frames (not the retry line, not heartbeats). */
export const eventFrames = (frames: readonly SseFrame[]) => frames.filter((frame) => frame.event !== undefined);
