import { type ChildProcessWithoutNullStreams, execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { BROKER_STARTED_MESSAGE, log4jProperties, newClusterId, serverProperties } from './broker-config';
import { freePorts } from './free-ports';
import { type CommandProbe, probeCommand, requireJava } from './java-toolchain';
import { ensureKafkaJars, kafkaCacheDir, kafkaClasspath } from './kafka-jars';

export interface RunningBroker {
  /** host:port list for clients. */
  readonly brokers: string;
  stop(): Promise<void>;
}

export interface LocalBroker extends RunningBroker {
  /** The current JVM's pid, for callers that want to prove it is gone. */
  readonly pid: number;
  /**
   * Stops the JVM and starts a new one on the same ports and data dir, resolving once it accepts clients again:
   * an outage clients recover from, with topics, offsets and transactions intact. `downtimeMs` keeps the broker
   * away that long first, past what clients retry on their own.
   */
  restart(downtimeMs?: number): Promise<void>;
}

export interface LocalBrokerOptions {
  readonly cacheDir?: string;
  readonly probe?: CommandProbe;
  /** How long one attempt may take to log that it started. */
  readonly readyTimeoutMs?: number;
  readonly attempts?: number;
  readonly log?: (line: string) => void;
}

const WATCHDOG = join(__dirname, 'jvm-watchdog.sh');
const STOP_GRACE_MS = 30_000;
const DIAGNOSTIC_LINES = 40;

const logToStderr = (line: string): void => {
  process.stderr.write(`[kafka] ${line}\n`);
};

/** Kafka's own launch scripts use a 1 GiB heap and G1; a test broker on a two-core box starts faster and leaves room for the apps with less. */
const jvmArgs = (workDir: string, cacheDir: string, ...mainAndArgs: string[]): string[] => [
  '-Xms256m',
  '-Xmx512m',
  '-XX:+UseSerialGC',
  '-Djava.awt.headless=true',
  `-Dlog4j.configuration=file:${join(workDir, 'log4j.properties')}`,
  '-cp',
  kafkaClasspath(cacheDir),
  ...mainAndArgs,
];

const formatStorage = async (workDir: string, cacheDir: string): Promise<void> => {
  const args = jvmArgs(workDir, cacheDir, 'kafka.tools.StorageTool', 'format');
  args.push('-t', newClusterId(), '-c', join(workDir, 'server.properties'), '--ignore-formatted');
  await promisify(execFile)('java', args, { cwd: workDir, timeout: 120_000 });
};

const exited = (child: ChildProcessWithoutNullStreams): Promise<void> =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => child.once('exit', () => resolve()));

const waitForExit = async (child: ChildProcessWithoutNullStreams, timeoutMs: number): Promise<boolean> => {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const result = await Promise.race([exited(child).then(() => true as const), timedOut]);
  clearTimeout(timer);
  return result;
};

interface Jvm {
  readonly pid: number;
  /** Stops the JVM; with `keepWorkDir` its data stays for the next JVM, otherwise the work dir goes with it. */
  stop(keepWorkDir?: boolean): Promise<void>;
}

/** Runs the broker's JVM on an existing work dir under the watchdog, and resolves once it accepts clients. */
const launchJvm = async (workDir: string, cacheDir: string, readyTimeoutMs: number, log: (line: string) => void): Promise<Jvm> => {
  const child = spawn('sh', [WATCHDOG, workDir, 'java', ...jvmArgs(workDir, cacheDir, 'kafka.Kafka', join(workDir, 'server.properties'))], {
    cwd: workDir,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  // If the JVM dies on its own, close the watchdog's pipe at once so it does not linger; it then signals a pid
  // that has only just been freed, never one the OS has had time to reuse.
  child.once('exit', () => child.stdin.destroy());

  const recent: string[] = [];
  let onLine: (line: string) => void = () => undefined;
  for (const stream of [child.stdout, child.stderr]) {
    // Always drain the JVM's output: a full pipe would block its logging threads.
    createInterface({ input: stream }).on('line', (line) => {
      recent.push(line);
      if (recent.length > DIAGNOSTIC_LINES) recent.shift();
      onLine(line);
    });
  }

  const stop = async (keepWorkDir = false): Promise<void> => {
    // Shutdown warnings (connections closing) are expected and would only alarm whoever reads the log.
    onLine = () => undefined;
    if (keepWorkDir && child.stdin.writable) child.stdin.write('keep\n');
    child.stdin.end();
    if (!(await waitForExit(child, STOP_GRACE_MS))) {
      child.kill('SIGKILL');
      await exited(child);
    }
    if (!keepWorkDir) rmSync(workDir, { recursive: true, force: true });
  };

  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "${BROKER_STARTED_MESSAGE}" within ${readyTimeoutMs} ms`)), readyTimeoutMs);
    onLine = (line) => {
      if (!line.includes(BROKER_STARTED_MESSAGE)) return;
      clearTimeout(timer);
      resolve();
    };
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`the JVM exited before it was ready (${signal ?? `exit code ${code}`})`));
    });
  });
  try {
    await ready;
  } catch (error) {
    // The work dir belongs to the caller here: on a restart it holds the data the next attempt needs.
    await stop(true);
    throw new Error(`${(error as Error).message}; its last output:\n${recent.join('\n')}`);
  }
  onLine = log;
  return { pid: child.pid ?? -1, stop };
};

/** Retries a failed or slow start, since KRaft start-up on a loaded machine sometimes stalls or loses a port race. */
const withAttempts = async <T>(attempts: number, log: (line: string) => void, start: () => Promise<T>): Promise<T> => {
  for (let attempt = 1; ; attempt++) {
    try {
      return await start();
    } catch (error) {
      if (attempt >= attempts) throw new Error(`The local Kafka broker did not start: ${(error as Error).message}`);
      log(`start attempt ${attempt} failed, retrying: ${(error as Error).message.split('\n')[0]}`);
    }
  }
};

const startOnce = async (cacheDir: string, readyTimeoutMs: number, attempts: number, log: (line: string) => void): Promise<LocalBroker> => {
  const workDir = mkdtempSync(join(tmpdir(), 'newsroom-kafka-'));
  const [port, controllerPort] = await freePorts(2);
  try {
    writeFileSync(join(workDir, 'server.properties'), serverProperties({ broker: port, controller: controllerPort }, join(workDir, 'data')));
    writeFileSync(join(workDir, 'log4j.properties'), log4jProperties());
    await formatStorage(workDir, cacheDir);
  } catch (error) {
    rmSync(workDir, { recursive: true, force: true });
    throw error;
  }

  let jvm: Jvm;
  try {
    jvm = await launchJvm(workDir, cacheDir, readyTimeoutMs, log);
  } catch (error) {
    rmSync(workDir, { recursive: true, force: true });
    throw error;
  }
  let stopped = false;
  return {
    brokers: `127.0.0.1:${port}`,
    get pid() {
      return jvm.pid;
    },
    stop: async () => {
      stopped = true;
      await jvm.stop();
    },
    restart: async (downtimeMs = 0) => {
      if (stopped) throw new Error('the local Kafka broker was stopped; it cannot be restarted');
      await jvm.stop(true);
      await new Promise((resolve) => setTimeout(resolve, downtimeMs));
      // Same properties, so the same ports and data dir: clients reconnect to the address they had, and topics,
      // committed offsets and transaction state are what the last JVM left. A failed attempt must not take the
      // data dir with it; if none starts, stop() still removes it through the last JVM's handle.
      jvm = await withAttempts(attempts, log, () => launchJvm(workDir, cacheDir, readyTimeoutMs, log));
    },
  };
};

/**
 * Starts a single-node KRaft broker from the cached jars, on free loopback ports, in a fresh temp dir. A slow or
 * failed start is retried from scratch (new ports, new dir); a restart retries on the same ones.
 */
export const startLocalBroker = async (options: LocalBrokerOptions = {}): Promise<LocalBroker> => {
  const log = options.log ?? logToStderr;
  const probe = options.probe ?? probeCommand;
  requireJava(probe);
  const cacheDir = ensureKafkaJars({
    cacheDir: options.cacheDir ?? kafkaCacheDir(),
    probe,
    log,
  });
  const attempts = options.attempts ?? 2;
  const readyTimeoutMs = options.readyTimeoutMs ?? 60_000;
  return withAttempts(attempts, log, () => startOnce(cacheDir, readyTimeoutMs, attempts, log));
};
