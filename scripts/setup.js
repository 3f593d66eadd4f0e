#!/usr/bin/env node
// Runs before `npm test` and `npm run demo` (the pretest/predemo hooks), so a fresh clone needs no other step.
// Plain JavaScript with no dependencies at the top: node_modules may not exist yet when this starts.
'use strict';

const { spawnSync } = require('node:child_process');
const { existsSync, statSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');

const modifiedAt = (path) => (existsSync(path) ? statSync(path).mtimeMs : undefined);

/** npm rewrites node_modules/.package-lock.json on every install, after package-lock.json, so it dates the install. */
const installDependenciesIfStale = () => {
  const lockfile = modifiedAt(join(root, 'package-lock.json'));
  const installed = modifiedAt(join(root, 'node_modules', '.package-lock.json'));
  if (installed !== undefined && (lockfile === undefined || installed >= lockfile)) return;
  const args = lockfile === undefined ? ['install'] : ['ci'];
  process.stderr.write(`[setup] npm ${args.join(' ')}: node_modules is ${installed === undefined ? 'missing' : 'older than package-lock.json'}\n`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, [...args, '--no-audit', '--no-fund'], { cwd: root, stdio: ['ignore', process.stderr, process.stderr] });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

/**
 * The integration tests' broker comes from KAFKA_BROKERS, else Docker, else the cached jars. Fetch the jars only
 * for the last case, and only once: the marker check is instant, the Docker ping only runs when jars are missing.
 */
const fetchKafkaJarsIfNeeded = async () => {
  if (process.env.KAFKA_BROKERS) return;
  // The TypeScript modules are the single source of the cache layout; loading them costs about 0.2 s.
  require('@swc-node/register');
  const { ensureKafkaJars, hasKafkaJars, kafkaCacheDir } = require('../tools/kafka/kafka-jars.ts');
  if (hasKafkaJars(kafkaCacheDir())) return;
  const { isDockerEngineReachable } = require('../tools/kafka/docker-engine.ts');
  if (await isDockerEngineReachable()) return;
  ensureKafkaJars({ log: (line) => process.stderr.write(`[setup] ${line}\n`) });
};

installDependenciesIfStale();
fetchKafkaJarsIfNeeded().catch((error) => {
  process.stderr.write(`[setup] ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
