import { DAY_MS, emptyState, EngineConfig, handleArticle, StoryState } from '@app/stories';
import { engineConfigFromEnv } from '../../apps/dedup/src/config/engine-settings';
import { loadCorpus } from './corpus';
import { describeMachine } from './machine';
import { settledMemory } from './memory';
import { Synthesizer } from './synthesize';

/**
 * Engine throughput and memory at growing index sizes. Only decide+evolve is timed; text synthesis is not.
 * Env: BENCH_SIZES (default 10000,100000,1000000), BENCH_MEASURE (articles timed per size, default 2000),
 * BENCH_MAX_SECONDS (stop filling after this wall time, default 600), BENCH_SEED; and the dedup service's engine
 * settings (STORY_JOIN_SCORE, STORY_POSTINGS_PER_TERM), except the window.
 */
const sizes = (process.env.BENCH_SIZES ?? '10000,100000,1000000').split(',').map(Number).sort((a, b) => a - b);
const measure = Number(process.env.BENCH_MEASURE ?? 2000);
const maxSeconds = Number(process.env.BENCH_MAX_SECONDS ?? 600);
// One article per second of event time inside a ten-year window: nothing is evicted, so every article is live.
const config: EngineConfig = { ...engineConfigFromEnv(), windowMs: 3650 * DAY_MS };
const START = Date.parse('2018-07-01T00:00:00Z');

const { sources, files } = loadCorpus();
const synth = new Synthesizer(sources, Number(process.env.BENCH_SEED ?? 1));
const state: StoryState = emptyState(config);
let fed = 0;
let engineNs = 0n;
/** Process CPU time spent inside the engine, microseconds: on a shared machine the wall clock also counts the
 * time other jobs held the core, CPU time does not. */
let engineCpuUs = 0;

/** Feeds one synthetic article; returns the engine's time for it in nanoseconds. */
const feed = (): bigint => {
  const at = START + fed * 1000;
  const article = synth.next(`b-${fed}`, new Date(at).toISOString());
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  handleArticle(state, article, { at, eventKey: `bench-${fed}` });
  const spent = process.hrtime.bigint() - t0;
  const cpu = process.cpuUsage(cpu0);
  engineCpuUs += cpu.user + cpu.system;
  fed++;
  engineNs += spent;
  return spent;
};

const baseline = settledMemory();
const began = Date.now();
const rows: string[] = [];
let reached = 0;
for (const size of sizes) {
  while (state.index.liveArticles < size && (Date.now() - began) / 1000 < maxSeconds) feed();
  const live = state.index.liveArticles;
  const mem = settledMemory();
  const latencies: number[] = [];
  const cpuBefore = engineCpuUs;
  for (let i = 0; i < measure; i++) latencies.push(Number(feed()) / 1e6);
  const cpuSeconds = (engineCpuUs - cpuBefore) / 1e6;
  latencies.sort((a, b) => a - b);
  const total = latencies.reduce((s, x) => s + x, 0);
  const kb = (bytes: number) => (bytes / live / 1024).toFixed(2);
  const row = [
    size === live ? `${size}` : `${size} (reached ${live})`,
    `${Math.round((measure / total) * 1000)}`,
    `${Math.round(measure / cpuSeconds)}`,
    latencies[Math.floor(measure / 2)].toFixed(2),
    latencies[Math.floor(measure * 0.99)].toFixed(2),
    kb(mem.heap - baseline.heap),
    kb(mem.withBuffers - baseline.withBuffers),
    `${state.stories.size}`,
    `${Math.round((Date.now() - began) / 1000)}`,
  ];
  rows.push(`| ${row.join(' | ')} |`);
  process.stderr.write(`${rows[rows.length - 1]}\n`);
  reached = live;
  if (live < size) break;
}

const fillRate = fed / (Number(engineNs) / 1e9);
console.log(
  [
    `- Machine: ${describeMachine()}`,
    `- Corpus: ${sources.length} real articles from ${files.join(', ')}`,
    `- Config: the engine settings from the environment (join score ${config.joinScore}, ${config.postingsPerTerm} postings per term) except windowMs = 3650 days (one article per event-second, so nothing is evicted)`,
    `- Sizes: ${sizes.join(', ')}; ${measure} articles timed at each size; fill budget ${maxSeconds} s`,
    '',
    '| indexed articles | articles/s (decide+evolve, 1 core, wall) | articles/s (CPU time) | p50 ms | p99 ms | KB/article (heapUsed) | KB/article (heap + ArrayBuffers) | live stories | wall s |',
    '|---|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
    `- Whole run: ${fed} articles through decide+evolve at ${Math.round(fillRate)} articles/s on average; largest index ${reached}.`,
  ].join('\n'),
);
