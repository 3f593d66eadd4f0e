import { ChildProcess, spawn } from 'child_process';
import { join } from 'path';

const ROOT = join(__dirname, '..', '..');

/** Starts one of our apps as `npm run start:<app>` would, with its logs prefixed on stderr. */
export const startApp = (app: string, env: Record<string, string>): ChildProcess => {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', join(ROOT, 'apps', app, 'src', 'main.ts')], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const prefix = (chunk: Buffer) => process.stderr.write(chunk.toString().replace(/^(?=.)/gm, `[${app}] `));
  child.stdout!.on('data', prefix);
  child.stderr!.on('data', prefix);
  return child;
};

export const stopApp = (child: ChildProcess): Promise<void> =>
  new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
  });

/** Polls an app's readiness endpoint until it answers 200. */
export const waitUntilReady = async (baseUrl: string, timeoutMs: number): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ok = await fetch(`${baseUrl}/health/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`${baseUrl} not ready after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
};
