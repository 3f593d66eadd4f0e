import { type Article } from '@app/contracts';
import { type Kafka } from 'kafkajs';
import { engineConfigFromEnv } from '../../../apps/dedup/src/config/engine-settings';
import { type CommittedLog, waitForNoLag } from './committed-log';
import { assignmentsOf, crashFreeRun } from './crash-free-run';

/**
 * What every fault test asserts once the faults are over: the committed story log names each article exactly once,
 * nothing in it is unreadable, and its events and assignments are those of an engine that never stopped, with the
 * engine settings `env` gives the service. Returns the assignments (article id → story id).
 */
export const expectExactlyOnceAndCrashFree = async (
  kafka: Kafka,
  env: Record<string, string>,
  articles: readonly Article[],
  log: CommittedLog,
  timeoutMs: number,
): Promise<Map<string, string>> => {
  await log.waitForArticles(articles.map((a) => a.id), timeoutMs);
  await waitForNoLag(kafka, env.DEDUP_GROUP_ID, env.ARTICLES_TOPIC, 60_000);
  await log.catchUp();
  const named = log.timesNamed();
  expect(log.unreadable).toEqual([]);
  expect(articles.filter((a) => named.get(a.id) !== 1)).toEqual([]);
  expect(named.size).toBe(articles.length);
  const expected = crashFreeRun(articles, log.events, engineConfigFromEnv(env));
  expect(log.events.map((e) => `${e.type} ${e.eventId} ${e.storyId}`)).toEqual(expected.events.map((e) => `${e.type} ${e.eventId} ${e.storyId}`));
  const assignments = assignmentsOf(log.events);
  expect(assignments).toEqual(expected.assignments);
  return assignments;
};
