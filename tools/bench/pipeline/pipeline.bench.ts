import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { TOPIC_SPECS } from '@app/contracts';
import { ensureTopics } from '@app/platform';
import { resolveBroker } from '../../kafka/resolve-broker';
import { startApp, stopApp, waitUntilReady } from '../../../scripts/demo/app-process';
import { loadCorpus } from '../corpus';
import { describeMachine } from '../machine';
import { Synthesizer } from '../synthesize';
import { postBulk } from './gateway-client';
import { passThrough } from './pass-through';
import { readDecisionTotals } from './decision-totals';
import { percentiles } from './percentiles';
import { StoryEventClock } from './story-event-clock';

/**
 * End to end through the real apps: gateway (HTTP) → news.articles.v1 → dedup (exactly-once) → news.story-events.v1
 * → a read_committed subscriber. Env: BENCH_RATES (default 100,200,500,2000), BENCH_PHASE_SECONDS (15),
 * BENCH_WARMUP_SECONDS (paced and unmeasured before the phases, 10), BENCH_SUSTAINED (articles for the
 * max-throughput run, 10000), BENCH_SEED.
 */
const rates = (process.env.BENCH_RATES ?? '100,200,500,2000').split(',').map(Number);
const phaseSeconds = Number(process.env.BENCH_PHASE_SECONDS ?? 15);
const warmupSeconds = Number(process.env.BENCH_WARMUP_SECONDS ?? 10);
const sustained = Number(process.env.BENCH_SUSTAINED ?? 10_000);
const API_KEY = 'bench-key';
const GATEWAY = 'http://127.0.0.1:3300';
const DEDUP = 'http://127.0.0.1:3301';
const TICK_MS = 50;
const BULK_LINES = 500;

const { sources } = loadCorpus();
const synth = new Synthesizer(sources, Number(process.env.BENCH_SEED ?? 7));
let sequence = 0;
const START = Date.parse('2018-07-01T00:00:00Z');
/** Event time advances a second per article, as a live feed's would. */
const nextLine = (): { id: string; line: string } => {
  const id = `p-${sequence}`;
  const line = JSON.stringify(synth.next(id, new Date(START + sequence * 1000).toISOString()));
  sequence++;
  return { id, line };
};

const ms = (n: number) => (Number.isNaN(n) ? '–' : n.toFixed(0));

/** Paced open-loop load: every tick posts the articles due by then; latency is gateway ack → story event. */
const latencyPhase = async (rate: number, seconds: number, clock: StoryEventClock) => {
  const acked = new Map<string, number>();
  const posts: Promise<void>[] = [];
  const began = Date.now();
  let sent = 0;
  while (Date.now() - began < seconds * 1000) {
    const due = Math.floor(((Date.now() - began) / 1000) * rate) - sent;
    if (due > 0) {
      const batch = Array.from({ length: due }, nextLine);
      sent += due;
      posts.push(postBulk(GATEWAY, API_KEY, batch.map((b) => b.line)).then(({ ackedAt }) => batch.forEach((b) => acked.set(b.id, ackedAt))));
    }
    await new Promise((r) => setTimeout(r, TICK_MS));
  }
  await Promise.all(posts);
  const offeredSeconds = (Date.now() - began) / 1000;
  const missing = await clock.waitFor([...acked.keys()], 120_000);
  const seen = [...acked].filter(([id]) => clock.seenAt.has(id));
  const [p50, p95, p99] = percentiles(seen.map(([id, at]) => clock.seenAt.get(id)! - at), [50, 95, 99]);
  // Where the time goes: up to dedup writing the story event (fetch, queue, engine), then the transaction's commit
  // and the read_committed fetch.
  const [decidedP99] = percentiles(seen.map(([id, at]) => clock.writtenAt.get(id)! - at), [99]);
  const [visibleP99] = percentiles(seen.map(([id]) => clock.seenAt.get(id)! - clock.writtenAt.get(id)!), [99]);
  return { rate, offered: sent / offeredSeconds, articles: sent, missing, p50, p95, p99, decidedP99, visibleP99 };
};

/** As fast as the pipeline takes it: bulk posts four at a time, measured from first post to last story event. */
const sustainedRun = async (clock: StoryEventClock) => {
  const ids: string[] = [];
  const decidedBefore = await readDecisionTotals(DEDUP);
  const began = Date.now();
  const workers = Array.from({ length: 4 }, async () => {
    while (ids.length < sustained) {
      const batch = Array.from({ length: Math.min(BULK_LINES, sustained - ids.length) }, nextLine);
      ids.push(...batch.map((b) => b.id));
      await postBulk(GATEWAY, API_KEY, batch.map((b) => b.line));
    }
  });
  await Promise.all(workers);
  const ingestSeconds = (Date.now() - began) / 1000;
  const missing = await clock.waitFor(ids, 600_000);
  const last = Math.max(...ids.map((id) => clock.seenAt.get(id) ?? 0));
  const decided = await readDecisionTotals(DEDUP);
  const decideSeconds = decided.seconds - decidedBefore.seconds;
  const runSeconds = (last - began) / 1000;
  return {
    articles: ids.length,
    missing,
    ingestPerSecond: ids.length / ingestSeconds,
    endToEndPerSecond: ids.length / runSeconds,
    // Where the pipeline's limit sits: dedup's own time per decision, and the share of the run it spent deciding.
    decideMs: (1000 * decideSeconds) / (decided.count - decidedBefore.count),
    decidingShare: decideSeconds / runSeconds,
  };
};

const main = async (): Promise<void> => {
  const broker = await resolveBroker();
  const kafka = new Kafka({ ...broker.clientConfig('bench-pipeline'), logLevel: logLevel.NOTHING });
  const snapshotDir = mkdtempSync(join(tmpdir(), 'bench-pipeline-snapshots-'));
  const apps = [
    // Its own snapshot directory: the default one holds the last run's snapshots, of a log this broker never had,
    // which dedup would read (hundreds of megabytes) only to refuse them, and collect as garbage in the first phase.
    startApp('dedup', { KAFKA_BROKERS: broker.brokers, PORT: '3301', SNAPSHOT_DIR: snapshotDir }),
    // No limits in the way: the bench measures the pipeline, not a client's budget.
    startApp('gateway', {
      KAFKA_BROKERS: broker.brokers,
      PORT: '3300',
      API_KEYS: API_KEY,
      RATE_LIMIT_PER_SECOND: '100000',
      RATE_LIMIT_BURST: '100000',
      RATE_LIMIT_BULK_ARTICLES_PER_SECOND: '10000000',
      RATE_LIMIT_BULK_ARTICLES_BURST: '10000000',
    }),
  ];
  const clock = new StoryEventClock(kafka);
  try {
    await ensureTopics(kafka, TOPIC_SPECS);
    await Promise.all([waitUntilReady(GATEWAY, 60_000), waitUntilReady(DEDUP, 120_000)]);
    await clock.start();
    const ceilingLines = Array.from({ length: sustained }, () => nextLine().line);
    const ceiling = await passThrough(kafka, ceilingLines);
    process.stderr.write(`[bench] pass-through ceiling ${ceiling.perSecond.toFixed(0)} records/s\n`);
    // Warm the engine's IDF and index a little, as a running service would be.
    const warm = Array.from({ length: 1000 }, nextLine);
    for (let i = 0; i < warm.length; i += BULK_LINES) await postBulk(GATEWAY, API_KEY, warm.slice(i, i + BULK_LINES).map((w) => w.line));
    await clock.waitFor(warm.map((w) => w.id), 300_000);
    // The bench starts a fresh broker JVM and fresh apps: the first seconds of paced load measure them compiling
    // the small-transaction paths, not a running service (docs/benchmarks.md, "Pipeline").
    if (warmupSeconds > 0) await latencyPhase(rates[0], warmupSeconds, clock);
    const phases = [];
    for (const rate of rates) {
      const phase = await latencyPhase(rate, phaseSeconds, clock);
      process.stderr.write(`[bench] ${JSON.stringify(phase)}\n`);
      phases.push(phase);
    }
    const max = await sustainedRun(clock);
    process.stderr.write(`[bench] sustained ${JSON.stringify(max)}\n`);
    console.log(`\n### Pipeline (${describeMachine()}, broker: ${broker.source})\n`);
    console.log('| offered articles/s | achieved | articles | p50 ms | p95 ms | p99 ms | p99 ack → written ms | p99 written → visible ms | not delivered |');
    console.log('|---|---|---|---|---|---|---|---|---|');
    for (const p of phases) {
      console.log(`| ${p.rate} | ${p.offered.toFixed(0)} | ${p.articles} | ${ms(p.p50)} | ${ms(p.p95)} | ${ms(p.p99)} | ${ms(p.decidedP99)} | ${ms(p.visibleP99)} | ${p.missing} |`);
    }
    console.log(`\n| run | articles | articles/s |`);
    console.log('|---|---|---|');
    console.log(`| bare kafkajs produce → consume (ceiling) | ${ceilingLines.length} | ${ceiling.perSecond.toFixed(0)} |`);
    console.log(`| gateway → dedup → story event, exactly-once | ${max.articles} | ${max.endToEndPerSecond.toFixed(0)} (${((100 * max.endToEndPerSecond) / ceiling.perSecond).toFixed(1)} % of the ceiling) |`);
    console.log(`\nstory events seen twice by a read_committed reader: ${clock.duplicates}; never delivered: ${max.missing}`);
    console.log(
      `dedup's decisions in the sustained run (dedup_decision_seconds): ${max.decideMs.toFixed(2)} ms each, ${(100 * max.decidingShare).toFixed(0)} % of the run's wall time`,
    );
  } finally {
    await clock.stop().catch(() => undefined);
    await Promise.all(apps.map(stopApp));
    await broker.stop();
    rmSync(snapshotDir, { recursive: true, force: true });
  }
};

main().catch((error: unknown) => {
  process.stderr.write(`[bench] ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
