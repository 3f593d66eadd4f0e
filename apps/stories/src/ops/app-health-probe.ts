export interface AppHealth {
  readonly name: string;
  readonly status: 'ready' | 'not ready' | 'unreachable';
  /** What the app said, or why it could not be asked. */
  readonly detail: unknown;
}

/** Reads OPS_PROBES entries: `gateway=http://gateway:3000`, `dedup=http://dedup:3001`. */
export const parseProbes = (entries: readonly string[] = []): { name: string; url: string }[] =>
  entries.map((entry) => {
    const at = entry.indexOf('=');
    return { name: entry.slice(0, at), url: entry.slice(at + 1).replace(/\/+$/, '') };
  });

/** Asks an app's readiness endpoint; a hung app must show as unreachable, not hang the dashboard. */
export const probeApp = async (name: string, baseUrl: string, timeoutMs: number): Promise<AppHealth> => {
  try {
    const response = await fetch(`${baseUrl}/health/ready`, { signal: AbortSignal.timeout(timeoutMs) });
    const body: unknown = await response.json().catch(() => null);
    return { name, status: response.ok ? 'ready' : 'not ready', detail: body };
  } catch (error) {
    return { name, status: 'unreachable', detail: error instanceof Error ? error.message : String(error) };
  }
};
