import { Kafka, logLevel, Partitioners, type Producer } from 'kafkajs';
import { type LocalBroker, startLocalBroker } from '../../tools/kafka/local-broker';
import { waitUntil } from '../support/processes';
import { CommittedLog } from './support/committed-log';
import { dedupTestEnv, removeSnapshotDirs } from './support/dedup-env';
import { DedupProcess } from './support/dedup-process';
import { expectExactlyOnceAndCrashFree } from './support/exactly-once-check';
import { syntheticFeed } from './support/test-articles';
import { describeWithLocalBrokers } from '../support/local-broker-suite';

/**
 * The broker goes away for a few seconds while dedup is mid-stream. Dedup must ride it out in the same process: the
 * transaction in flight fails, the state rolls back to what committed, and it takes over again once the broker is
 * back. The committed log must still name every article exactly once, as an engine that never stopped would.
 */
describeWithLocalBrokers('dedup across a broker restart', () => {
  let broker: LocalBroker | undefined;
  let dedup: DedupProcess | undefined;
  let log: CommittedLog | undefined;
  let producer: Producer | undefined;

  afterAll(async () => {
    await dedup?.kill();
    await log?.stop().catch(() => undefined);
    await producer?.disconnect().catch(() => undefined);
    await broker?.stop();
    removeSnapshotDirs();
  });

  it('keeps running, and the story log names each article once with crash-free assignments', async () => {
    broker = await startLocalBroker({ log: () => undefined });
    const kafka = new Kafka({ clientId: 'broker-restart-test', brokers: [broker.brokers], logLevel: logLevel.NOTHING });
    const env = dedupTestEnv('broker-restart', { KAFKA_BROKERS: broker.brokers, DEDUP_RECORDS_PER_TRANSACTION: '100' });
    const articles = syntheticFeed(1500, 23, 'broker-restart');
    dedup = await DedupProcess.start('dedup', env);
    await dedup.waitForRole(['owner']);
    log = new CommittedLog(kafka, env.STORY_EVENTS_TOPIC);
    await log.start();
    producer = kafka.producer({ idempotent: true, createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    await producer.send({ topic: env.ARTICLES_TOPIC, messages: articles.map((a) => ({ key: a.id, value: JSON.stringify(a) })) });
    expect(await waitUntil(() => log!.articleIds().size >= 200, 120_000)).toBe(true);

    const before = log.articleIds().size;
    await broker.restart();
    expect(before).toBeLessThan(articles.length);

    const assignments = await expectExactlyOnceAndCrashFree(kafka, env, articles, log, 300_000);
    expect(dedup.alive).toBe(true);
    expect(await dedup.role()).toBe('owner');
    const recovered = dedup.logged(/^transaction failed, rolling back and taking over again/) ? 'a transaction failed and was taken over again' : 'no transaction was in flight';
    console.log(`broker restart after ${before} of ${articles.length} articles: dedup kept running (${recovered}); ${articles.length} named once each, ${new Set(assignments.values()).size} stories`);

    // Away for 25 s, longer than kafkajs retries finding the group coordinator: it then stops the consumer as if the
    // error were permanent, and dedup must join again by itself rather than exit.
    const more = syntheticFeed(300, 29, 'broker-outage');
    await broker.restart(25_000);
    await producer.send({ topic: env.ARTICLES_TOPIC, messages: more.map((a) => ({ key: a.id, value: JSON.stringify(a) })) });
    await expectExactlyOnceAndCrashFree(kafka, env, [...articles, ...more], log, 300_000);
    expect(dedup.alive).toBe(true);
    expect(await dedup.role()).toBe('owner');
    const rejoined = dedup.logged(/^consumer stopped while the cluster was unreachable/) ? 'its consumer was stopped and joined again' : 'kafkajs kept its consumer';
    console.log(`a 25 s outage: dedup kept running (${rejoined}); ${articles.length + more.length} named once each`);
  }, 600_000);
});
