import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testBrokers, uniqueName } from '../../support/kafka';

const snapshotDirs: string[] = [];

/** For afterAll, once the instances are stopped: the snapshot directories dedupTestEnv made. */
export const removeSnapshotDirs = (): void => {
  for (const dir of snapshotDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
};

const snapshotDir = (name: string): string => {
  const dir = mkdtempSync(join(tmpdir(), `${name}-snapshots-`));
  snapshotDirs.push(dir);
  return dir;
};

/**
 * Environment for dedup instances of one test: its own topics, group, transactional id and snapshot directory,
 * so tests never see each other's records, offsets or snapshots on the shared broker.
 */
export const dedupTestEnv = (name: string, overrides: Record<string, string> = {}): Record<string, string> => ({
  KAFKA_BROKERS: testBrokers().join(','),
  ARTICLES_TOPIC: uniqueName(`${name}.articles`),
  STORY_EVENTS_TOPIC: uniqueName(`${name}.story-events`),
  STORIES_TOPIC: uniqueName(`${name}.stories`),
  ARTICLES_DLQ_TOPIC: uniqueName(`${name}.dlq`),
  DEDUP_GROUP_ID: uniqueName(`${name}.dedup`),
  DEDUP_TRANSACTIONAL_ID: uniqueName(`${name}.dedup-tx`),
  SNAPSHOT_DIR: snapshotDir(name),
  // The broker's minimum: a standby takes over six seconds after the owner goes silent.
  DEDUP_SESSION_TIMEOUT_MS: '6000',
  LOG_LEVEL: 'warn',
  ...overrides,
});
