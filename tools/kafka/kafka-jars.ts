import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { type CommandProbe, probeCommand, requireMaven } from './java-toolchain';

/** Names the cache folder, so a version bump in pom.xml fetches afresh instead of mixing jars. */
export const KAFKA_VERSION = '3.9.1';

const POM = join(__dirname, 'pom.xml');
const COMPLETE_MARKER = 'jars.complete';

export const kafkaCacheDir = (env: NodeJS.ProcessEnv = process.env, home: string = homedir()): string =>
  env.KAFKA_CACHE_DIR || join(home, '.cache', 'newsroom-story-stream', `kafka-${KAFKA_VERSION}`);

/** The JVM expands the trailing '*' itself, which keeps the command line short. */
export const kafkaClasspath = (cacheDir: string): string => join(cacheDir, 'lib', '*');

export const hasKafkaJars = (cacheDir: string): boolean => existsSync(join(cacheDir, COMPLETE_MARKER));

/** Copies the runtime dependencies of pom.xml into outputDir. */
export type MavenCopy = (pom: string, outputDir: string) => { readonly status: number | null; readonly output: string };

const mavenCopy: MavenCopy = (pom, outputDir) => {
  const args = ['-q', '-B', '-f', pom, 'dependency:copy-dependencies', '-DincludeScope=runtime', `-DoutputDirectory=${outputDir}`];
  // Captured rather than shown: a successful quiet run still prints colour codes, and a failure's output goes
  // into the error.
  const result = spawnSync('mvn', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return { status: result.status, output: `${result.stdout ?? ''}${result.stderr ?? ''}` };
};

export interface EnsureKafkaJarsOptions {
  readonly cacheDir?: string;
  readonly probe?: CommandProbe;
  readonly copy?: MavenCopy;
  readonly log?: (line: string) => void;
}

/**
 * Fetches the broker's jars once per machine. The marker is written only after a complete copy, and the copy
 * lands in a staging folder first, so an interrupted download is redone rather than half-used.
 */
export const ensureKafkaJars = (options: EnsureKafkaJarsOptions = {}): string => {
  const cacheDir = options.cacheDir ?? kafkaCacheDir();
  if (hasKafkaJars(cacheDir)) return cacheDir;
  requireMaven(options.probe ?? probeCommand, cacheDir);

  const staging = join(cacheDir, 'lib.partial');
  const lib = join(cacheDir, 'lib');
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  options.log?.(`fetching the Kafka ${KAFKA_VERSION} jars with Maven into ${lib} (once per machine)`);
  const { status, output } = (options.copy ?? mavenCopy)(POM, staging);
  if (status !== 0 || readdirSync(staging).length === 0) {
    throw new Error(`Fetching the Kafka jars with Maven failed (exit status ${status}):\n${output.trim()}`);
  }
  rmSync(lib, { recursive: true, force: true });
  renameSync(staging, lib);
  writeFileSync(join(cacheDir, COMPLETE_MARKER), `${KAFKA_VERSION}\n`);
  return cacheDir;
};
