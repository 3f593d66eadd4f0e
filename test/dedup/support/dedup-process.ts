import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { freePorts } from '../../../tools/kafka/free-ports';
import { waitUntil } from '../../support/processes';

const ROOT = join(__dirname, '..', '..', '..');

export interface LogLine {
  readonly level: number;
  readonly msg: string;
  readonly [field: string]: unknown;
}

const WARN = 40;

/** One dedup service as `npm run start:dedup` runs it, in its own process, with its JSON logs kept. */
export class DedupProcess {
  readonly logs: LogLine[] = [];
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private exitStatus?: { code: number | null; signal: NodeJS.Signals | null };

  private constructor(
    readonly name: string,
    readonly port: number,
    private readonly child: ChildProcess,
  ) {
    this.exited = new Promise((resolve) =>
      child.once('exit', (code, signal) => {
        this.exitStatus = { code, signal };
        resolve(this.exitStatus);
      }),
    );
    let pending = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      const lines = (pending + chunk.toString()).split('\n');
      pending = lines.pop()!;
      for (const line of lines) this.keep(line);
    });
    // Start-up failures (a bad variable, a crash before the logger exists) come out as plain text.
    child.stderr!.on('data', (chunk: Buffer) => process.stderr.write(chunk.toString().replace(/^(?=.)/gm, `[${name}] `)));
  }

  static async start(name: string, env: Record<string, string>, nodeOptions: readonly string[] = []): Promise<DedupProcess> {
    const [port] = await freePorts(1);
    const child = spawn(process.execPath, [...nodeOptions, '-r', '@swc-node/register', join(ROOT, 'apps', 'dedup', 'src', 'main.ts')], {
      cwd: ROOT,
      env: { ...process.env, ...env, NODE_ENV: 'production', LOG_LEVEL: 'info', PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return new DedupProcess(name, port, child);
  }

  get pid(): number {
    return this.child.pid!;
  }

  get alive(): boolean {
    return this.exitStatus === undefined;
  }

  /** The role /stream reports: owner, standby, starting …; undefined while the HTTP server is not up. */
  async role(): Promise<string | undefined> {
    try {
      const response = await fetch(`http://127.0.0.1:${this.port}/stream`);
      return ((await response.json()) as { role: string }).role;
    } catch {
      return undefined;
    }
  }

  async waitForRole(roles: readonly string[], timeoutMs = 90_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const role = await this.role();
      if (role !== undefined && roles.includes(role)) return;
      if (!this.alive) throw new Error(`${this.name} exited (${JSON.stringify(this.exitStatus)}) while waiting to be ${roles.join('/')}`);
      if (Date.now() > deadline) throw new Error(`${this.name} is ${role ?? 'not answering'}, not ${roles.join('/')}, after ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  /** Polls GET /health/ready until it answers 200 (the state is restored); resolves with when that was. */
  async waitForReady(timeoutMs = 600_000): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const status = await fetch(`http://127.0.0.1:${this.port}/health/ready`).then((r) => r.status, () => undefined);
      if (status === 200) return Date.now();
      if (!this.alive) throw new Error(`${this.name} exited (${JSON.stringify(this.exitStatus)}) before it was ready`);
      if (Date.now() > deadline) throw new Error(`${this.name} not ready after ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  logged(pattern: RegExp): LogLine | undefined {
    return this.logs.find((line) => pattern.test(line.msg));
  }

  async waitForLog(pattern: RegExp, timeoutMs = 60_000): Promise<LogLine> {
    if (!(await waitUntil(() => this.logged(pattern) !== undefined, timeoutMs))) throw new Error(`${this.name} never logged ${pattern}`);
    return this.logged(pattern)!;
  }

  signal(signal: NodeJS.Signals): void {
    if (this.alive) this.child.kill(signal);
  }

  /** For afterAll/finally: whatever state it is in (even SIGSTOPped), it is gone afterwards. */
  async kill(): Promise<void> {
    if (!this.alive) return;
    this.child.kill('SIGKILL');
    await this.exited;
  }

  private keep(line: string): void {
    if (!line.trim()) return;
    let parsed: LogLine;
    try {
      parsed = JSON.parse(line) as LogLine;
    } catch {
      parsed = { level: WARN, msg: line };
    }
    this.logs.push(parsed);
    // Warnings and errors go to the test output; DEDUP_TEST_LOGS=all shows every line when chasing a failure.
    if (parsed.level >= (process.env.DEDUP_TEST_LOGS === 'all' ? 0 : WARN)) process.stderr.write(`[${this.name}] ${parsed.msg}\n`);
  }
}
