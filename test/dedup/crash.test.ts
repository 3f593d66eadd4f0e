import { type Producer } from 'kafkajs';
import { prng } from '../../tools/bench/synthesize';
import { testKafka, testProducer } from '../support/kafka';
import { waitUntil } from '../support/processes';
import { CommittedLog, isArticleEvent } from './support/committed-log';
import { dedupTestEnv, removeSnapshotDirs } from './support/dedup-env';
import { DedupProcess } from './support/dedup-process';
import { expectExactlyOnceAndCrashFree } from './support/exactly-once-check';
import { syntheticFeed } from './support/test-articles';

const ARTICLES = 5_000;

/**
 * One dedup process over a 5,000-article feed, killed with SIGKILL three times and stopped with SIGTERM once, at
 * seeded random points, and restarted each time (from its snapshots and the story log). The committed log must name
 * every article exactly once, and say what an engine that never crashed would have said.
 * CRASH_TEST_SEED=<n> replays a run.
 */
describe('dedup exactly once under crashes', () => {
  const kafka = testKafka('crash-test');
  const processes: DedupProcess[] = [];
  let producer: Producer | undefined;
  let log: CommittedLog | undefined;

  afterAll(async () => {
    await Promise.all(processes.map((p) => p.kill()));
    await log?.stop();
    await producer?.disconnect();
    removeSnapshotDirs();
  });

  it('kill -9 three times and SIGTERM once mid-stream: every article once, assignments as in a crash-free run', async () => {
    const seed = Number(process.env.CRASH_TEST_SEED ?? Math.floor(Math.random() * 1_000_000));
    const random = prng(seed);
    const env = dedupTestEnv('crash', { DEDUP_RECORDS_PER_TRANSACTION: '100', SNAPSHOT_EVERY_EVENTS: '700' });
    const articles = syntheticFeed(ARTICLES, seed, 'crash');
    const signals: NodeJS.Signals[] = ['SIGKILL', 'SIGKILL', 'SIGKILL'];
    signals.splice(Math.floor(random() * 4), 0, 'SIGTERM');
    const points = signals.map(() => Math.floor(ARTICLES * (0.1 + random() * 0.75))).sort((a, b) => a - b);
    const delays = signals.map(() => Math.floor(random() * 400));
    process.stderr.write(`[crash test] seed ${seed}: ${signals.map((s, i) => `${s} once ${points[i]}+ articles are in the log (+${delays[i]} ms)`).join(', ')}\n`);

    producer = testProducer(kafka, { idempotent: true });
    await producer.connect();
    log = new CommittedLog(kafka, env.STORY_EVENTS_TOPIC);
    const restarts: string[] = [];
    const run = async (name: string): Promise<DedupProcess> => {
      const instance = await DedupProcess.start(name, env);
      processes.push(instance);
      await instance.waitForRole(['owner']);
      const restored = instance.logged(/^story state restored$/);
      restarts.push(`${name}: ${restored?.snapshot ? 'snapshot' : 'no snapshot'} + ${String(restored?.replayedEvents)} events replayed`);
      return instance;
    };

    let instance = await run('run-1');
    await log.start();
    for (let from = 0; from < articles.length; from += 500) {
      await producer.send({ topic: env.ARTICLES_TOPIC, messages: articles.slice(from, from + 500).map((a) => ({ key: a.id, value: JSON.stringify(a) })) });
    }
    const interruptions: string[] = [];
    for (const [i, signal] of signals.entries()) {
      // Each instance is interrupted mid-stream, after committing some of its own work.
      const target = Math.max(points[i], log.articleIds().size + 50);
      expect(await waitUntil(() => log!.articleIds().size >= target, 240_000)).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, delays[i]));
      const progress = log.articleIds().size;
      const linesBefore = instance.logs.length;
      instance.signal(signal);
      const status = await instance.exited;
      interruptions.push(`${signal} at ${progress} (exit ${status.code ?? status.signal})`);
      const stopped = instance;
      instance = await run(`run-${i + 2}`);
      // A stop, not a crash: the in-flight transaction finishes, and a snapshot of what committed is left behind
      // (written on the way out, not one of the periodic ones), so the next instance replays nothing.
      if (signal === 'SIGTERM') {
        expect(status).toEqual({ code: null, signal: 'SIGTERM' });
        expect(stopped.logs.slice(linesBefore).some((line) => line.msg === 'snapshot written')).toBe(true);
        expect(instance.logged(/^story state restored$/)).toMatchObject({ snapshot: expect.any(String), replayedEvents: 0 });
      }
    }

    const assignments = await expectExactlyOnceAndCrashFree(kafka, env, articles, log, 300_000);
    const named = log.timesNamed();

    const relations = new Map<string, number>();
    for (const e of log.events.filter(isArticleEvent)) {
      const kind = e.type === 'StoryStarted' ? 'started' : e.relation;
      relations.set(kind, (relations.get(kind) ?? 0) + 1);
    }
    console.log(
      `crash test seed ${seed}: ${articles.length} articles, each named exactly once; ${new Set(assignments.values()).size} stories ` +
        `(${[...relations].map(([k, n]) => `${k} ${n}`).join(', ')}, merges ${log.events.length - named.size}); ` +
        `interruptions: ${interruptions.join(', ')}; restarts: ${restarts.join('; ')}; assignments equal to a crash-free run`,
    );
  }, 600_000);
});
