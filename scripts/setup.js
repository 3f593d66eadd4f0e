#!/usr/bin/env node
// Runs before `npm test` and `npm run demo` (the pretest/predemo hooks), so a fresh clone needs no other step.
// Plain JavaScript with no dependencies at the top: node_modules may not exist yet when this starts.
'use strict';

const { spawnSync } = require('node:child_process');
const { existsSync, statSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');

const modifiedAt = (path) => (existsSync(path) ? statSync(path).mtimeMs : undefined);

// `npm run --silent setup` passes loglevel=silent down through the environment; errors must still show.
const npm = (args, stdio = ['ignore', process.stderr, process.stderr]) =>
  spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: root,
    stdio,
    encoding: 'utf8',
  });

const npmOrExit = (args) => {
  const { status } = npm(args);
  if (status !== 0) process.exit(status ?? 1);
};

/**
 * `npm ci` refuses a lockfile that lacks entries for other platforms' optional packages (a registry mirror that
 * serves only this platform's @swc/core binaries leaves them out), so the lockfile-respecting `npm install
 * --no-save` takes over then, without rewriting package-lock.json.
 */
const cleanInstall = () => {
  const ci = npm(['ci', '--color=false'], ['ignore', 'pipe', 'pipe']);
  if (ci.status === 0) return;
  const reason = `${ci.stderr}`.split('\n').find((line) => /npm error (?!code)/.test(line)) ?? `exit status ${ci.status}`;
  process.stderr.write(`[setup] npm ci failed (${reason.replace(/^npm error /, '')}); using npm install --no-save\n`);
  npmOrExit(['install', '--no-save']);
};

/** npm rewrites node_modules/.package-lock.json on every install, after package-lock.json, so it dates the install. */
const installDependenciesIfStale = () => {
  const lockfile = modifiedAt(join(root, 'package-lock.json'));
  const installed = modifiedAt(join(root, 'node_modules', '.package-lock.json'));
  if (installed !== undefined && (lockfile === undefined || installed >= lockfile)) return;
  process.stderr.write(`[setup] installing npm dependencies: node_modules is ${installed === undefined ? 'missing' : 'older than package-lock.json'}\n`);
  if (lockfile === undefined) npmOrExit(['install']);
  else cleanInstall();
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
