import { execFileSync } from 'node:child_process';

/** `ps` fields for a pid, or undefined once the process is gone. */
const ps = (pid: number, field: 'stat' | 'args'): string | undefined => {
  try {
    return execFileSync('ps', ['-o', `${field}=`, '-p', String(pid)], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
};

/** A zombie has exited and only waits for its parent to read its status, so it counts as gone. */
export const isRunning = (pid: number): boolean => {
  const stat = ps(pid, 'stat');
  return stat !== undefined && !stat.startsWith('Z');
};

export const commandLine = (pid: number): string | undefined => ps(pid, 'args');

export const waitUntil = async (condition: () => boolean, timeoutMs: number): Promise<boolean> => {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return true;
};
