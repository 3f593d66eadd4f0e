import { DEFAULT_ENGINE_CONFIG } from '@app/stories';
import { testKafka, testProducer } from '../support/kafka';
import { CommittedLog } from './support/committed-log';
import { crashFreeRun } from './support/crash-free-run';
import { dedupTestEnv, removeSnapshotDirs } from './support/dedup-env';
import { type InProcessDedup, startDedupInProcess, waitForRole } from './support/dedup-in-process';
import { expectExactlyOnceAndCrashFree } from './support/exactly-once-check';
import { syntheticFeed } from './support/test-articles';

/**
 * STORY_JOIN_SCORE is the operator's lever on how readily articles join a story. The service must decide with it
 * exactly as the pure engine does (the eval command scores that engine), and say which value it runs with.
 */
describe('dedup with a stricter join score', () => {
  const kafka = testKafka('join-score-test');
  let running: InProcessDedup | undefined;
  let log: CommittedLog | undefined;
  afterAll(async () => {
    await running?.app.close();
    await log?.stop();
    removeSnapshotDirs();
  });

  it('decides as the engine with that join score, not as the default one, and reports it and the retrieval depth on /stream', async () => {
    const env = dedupTestEnv('join-score', { STORY_JOIN_SCORE: '0.35', STORY_POSTINGS_PER_TERM: '300', DEDUP_RECORDS_PER_TRANSACTION: '50' });
    const articles = syntheticFeed(300, 23, 'join-score');
    running = await startDedupInProcess(env);
    await waitForRole(running, ['owner']);
    const status = (await (await fetch(`${await running.app.getUrl()}/stream`)).json()) as Record<string, unknown>;
    expect(status).toMatchObject({ role: 'owner', joinScore: 0.35, windowDays: 7, postingsPerTerm: 300 });

    log = new CommittedLog(kafka, env.STORY_EVENTS_TOPIC);
    await log.start();
    const producer = testProducer(kafka, { idempotent: true });
    await producer.connect();
    await producer.send({ topic: env.ARTICLES_TOPIC, messages: articles.map((a) => ({ key: a.id, value: JSON.stringify(a) })) });
    await producer.disconnect();

    const stories = new Set((await expectExactlyOnceAndCrashFree(kafka, env, articles, log, 120_000)).values()).size;
    const byDefault = new Set(crashFreeRun(articles, log.events, DEFAULT_ENGINE_CONFIG).assignments.values()).size;
    // The default engine, over the same articles in the same order, joins more of them: the setting made a
    // difference on this feed, so the comparison above could tell the two engines apart.
    expect(stories).toBeGreaterThan(byDefault);
  });
});
