import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel, Partitioners } from 'kafkajs';
import { storyEventSchema } from '@app/contracts';
import { ensureTopics } from '@app/platform';
import { dedupTopicSpecs } from '../apps/dedup/src/config/dedup-topics';
import { boundedSends } from '../apps/dedup/src/exactly-once/bounded-sends';
import { MAX_OUTPUT_RECORD_BYTES } from '../apps/dedup/src/story-stream/record-limits';
import { DedupProcess } from '../test/dedup/support/dedup-process';
import { describeMachine } from '../tools/bench/machine';
import { resolveBroker } from '../tools/kafka/resolve-broker';
import { fingerprintPool, syntheticStoryLog } from './bench-restart/synthetic-story-log';

/**
 * Restart time of the dedup service with a large story log: (a) a full replay with no snapshot, (b) the snapshot
 * that (a) left at shutdown plus a tail of new events. Each is the real service (npm run start:dedup) from spawn to
 * GET /health/ready answering 200. Env: BENCH_STORIES (100000), BENCH_TAIL (5000 events), BENCH_POOL (distinct
 * analysed articles behind the fingerprints, 1000), BENCH_SEED, KAFKA_BROKERS (else a local broker is started).
 */
const STORIES = Number(process.env.BENCH_STORIES ?? 100_000);
const TAIL = Number(process.env.BENCH_TAIL ?? 5_000);
const POOL = Number(process.env.BENCH_POOL ?? 1_000);
const SEED = Number(process.env.BENCH_SEED ?? 1);
const EVENTS_PER_TRANSACTION = 500;
const START = Date.UTC(2024, 0, 1);

const log = (message: string) => process.stderr.write(`[bench:restart] ${message}\n`);
const seconds = (ms: number) => (ms / 1000).toFixed(1);
const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);

const rssOf = async (pid: number): Promise<number> => {
  const { readFile } = await import('node:fs/promises');
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
};

interface Restart {
  readonly label: string;
  readonly readyMs: number;
  readonly restoreMs: number;
  readonly snapshotMs: number;
  readonly replayedEvents: number;
  readonly snapshot: string | null;
  readonly rss: number;
  readonly shutdownSnapshot?: { bytes: number; captureMs: number; totalMs: number };
}

const restart = async (label: string, env: Record<string, string>): Promise<Restart> => {
  const startedAt = Date.now();
  const dedup = await DedupProcess.start(label, env, ['--max-old-space-size=8192']);
  try {
    const readyAt = await dedup.waitForReady();
    const restored = dedup.logged(/^story state restored$/)!;
    const rss = await rssOf(dedup.pid);
    log(`${label}: ready in ${seconds(readyAt - startedAt)} s (${JSON.stringify(restored)})`);
    dedup.signal('SIGTERM');
    await dedup.exited;
    const written = dedup.logs.filter((line) => line.msg === 'snapshot written').pop();
    return {
      label,
      readyMs: readyAt - startedAt,
      restoreMs: Number(restored.ms),
      snapshotMs: Number(restored.snapshotMs),
      replayedEvents: Number(restored.replayedEvents),
      snapshot: (restored.snapshot as string | null) ?? null,
      rss,
      ...(written ? { shutdownSnapshot: { bytes: Number(written.bytes), captureMs: Number(written.captureMs), totalMs: Number(written.totalMs) } } : {}),
    };
  } finally {
    await dedup.kill();
  }
};

const main = async (): Promise<void> => {
  const broker = await resolveBroker();
  const kafka = new Kafka({ ...broker.clientConfig('bench-restart'), logLevel: logLevel.NOTHING });
  const run = `bench-restart.${Date.now().toString(36)}`;
  const topics = { articles: `${run}.articles`, storyEvents: `${run}.story-events`, stories: `${run}.stories`, articlesDlq: `${run}.dlq` };
  const snapshotDir = mkdtempSync(join(tmpdir(), 'bench-restart-'));
  const env = {
    KAFKA_BROKERS: broker.brokers,
    ARTICLES_TOPIC: topics.articles,
    STORY_EVENTS_TOPIC: topics.storyEvents,
    STORIES_TOPIC: topics.stories,
    ARTICLES_DLQ_TOPIC: topics.articlesDlq,
    DEDUP_GROUP_ID: `${run}.dedup`,
    DEDUP_TRANSACTIONAL_ID: `${run}.dedup-tx`,
    SNAPSHOT_DIR: snapshotDir,
  };
  const producer = kafka.producer({ transactionalId: `${run}.writer`, idempotent: true, maxInFlightRequests: 1, createPartitioner: Partitioners.DefaultPartitioner });
  try {
    await ensureTopics(kafka, dedupTopicSpecs(topics));
    let t = Date.now();
    const pool = fingerprintPool(POOL, SEED, START);
    log(`${POOL} real fingerprints analysed in ${seconds(Date.now() - t)} s`);
    await producer.connect();
    const events = syntheticStoryLog(STORIES + TAIL, pool, SEED, START, topics.storyEvents);
    let bytes = 0;
    /** Writes events as the service does: in transactions, in sends below the record-batch limit. */
    const write = async (count: number | ((started: number) => boolean)): Promise<{ events: number; stories: number }> => {
      let written = 0;
      let started = 0;
      const done = () => (typeof count === 'number' ? written >= count : count(started));
      while (!done()) {
        const batch: { key: string; value: string; partition: number }[] = [];
        while (batch.length < EVENTS_PER_TRANSACTION && !done()) {
          const next = events.next();
          if (next.done) break;
          const event = storyEventSchema.parse(next.value);
          if (event.type === 'StoryStarted') started++;
          batch.push({ key: event.storyId, value: JSON.stringify(event), partition: 0 });
          bytes += batch[batch.length - 1].value.length;
          written++;
        }
        const transaction = await producer.transaction();
        for (const send of boundedSends(batch.map((m) => ({ topic: topics.storyEvents, ...m })), MAX_OUTPUT_RECORD_BYTES)) {
          await transaction.sendBatch({ topicMessages: [{ topic: topics.storyEvents, messages: send.map(({ key, value, partition }) => ({ key, value, partition })) }] });
        }
        await transaction.commit();
      }
      return { events: written, stories: started };
    };
    t = Date.now();
    const log1 = await write((started) => started >= STORIES);
    log(`story log: ${log1.events} events (${log1.stories} stories), ${mib(bytes)} MiB of JSON, written in ${seconds(Date.now() - t)} s`);

    const full = await restart('full replay', env);
    const tail = await write(TAIL);
    log(`tail: ${tail.events} more events (${tail.stories} stories)`);
    const fromSnapshot = await restart('snapshot + tail', env);

    const row = (r: Restart, events: number) =>
      `| ${r.label} | ${events.toLocaleString('en-US')} | ${r.snapshot ? `yes (${r.replayedEvents.toLocaleString('en-US')} events after it)` : `no (${r.replayedEvents.toLocaleString('en-US')} events)`} | ${seconds(r.readyMs)} | ${seconds(r.restoreMs)} | ${seconds(r.snapshotMs)} | ${mib(r.rss)} |`;
    const snapshot = full.shutdownSnapshot;
    console.log(
      [
        `Run of ${new Date().toISOString().slice(0, 10)}: ${describeMachine()}, broker ${broker.source}.`,
        `Story log: ${STORIES.toLocaleString('en-US')} stories in ${log1.events.toLocaleString('en-US')} events (${mib(bytes)} MiB of JSON), seed ${SEED}, fingerprints from ${POOL} analysed articles.`,
        '',
        '| restart | events in the log | snapshot | spawn → /health/ready (s) | state restore (s) | of which loading the snapshot (s) | RSS when ready (MiB) |',
        '|---|---|---|---|---|---|---|',
        row(full, log1.events),
        row(fromSnapshot, log1.events + tail.events),
        '',
        snapshot
          ? `Snapshot at ${STORIES.toLocaleString('en-US')} stories (written by the snapshot worker at shutdown): ${mib(snapshot.bytes)} MiB, captured (toSnapshot + pack + V8 serialize) in ${seconds(snapshot.captureMs)} s, written in ${seconds(snapshot.totalMs)} s in all, on the worker thread.`
          : 'No snapshot was written at shutdown.',
      ].join('\n'),
    );
  } finally {
    await producer.disconnect().catch(() => undefined);
    const admin = kafka.admin();
    await admin.connect();
    await admin.deleteTopics({ topics: Object.values(topics) }).catch(() => undefined);
    await admin.disconnect();
    rmSync(snapshotDir, { recursive: true, force: true });
    await broker.stop();
  }
};

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
