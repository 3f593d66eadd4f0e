import { DAY_MS, DEFAULT_ENGINE_CONFIG, emptyState, handleArticle, StoryState } from '@app/stories';
import { loadCorpus } from './corpus';
import { describeMachine } from './machine';
import { settledMemory } from './memory';
import { Synthesizer } from './synthesize';

/**
 * A long run under the default 7-day window: does the engine's memory follow the window, or creep with the feed's
 * history? Event time advances so that the window holds BENCH_WINDOW_ARTICLES articles; the run feeds
 * BENCH_WINDOWS windows' worth and reports the state at every tenth of the way. The feed coins
 * BENCH_COINED_NAMES new names per article (see `Synthesizer`), so the vocabulary turns over as a real one does.
 * Env: BENCH_WINDOW_ARTICLES (default 50000), BENCH_WINDOWS (4), BENCH_COINED_NAMES (1), BENCH_SEED (1).
 */
const windowArticles = Number(process.env.BENCH_WINDOW_ARTICLES ?? 50_000);
const windows = Number(process.env.BENCH_WINDOWS ?? 4);
const coined = Number(process.env.BENCH_COINED_NAMES ?? 1);
const config = DEFAULT_ENGINE_CONFIG;
const step = config.windowMs / windowArticles;
const total = Math.round(windowArticles * windows);
const START = Date.parse('2018-07-01T00:00:00Z');

const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(0);

const { sources, files } = loadCorpus();
const synth = new Synthesizer(sources, Number(process.env.BENCH_SEED ?? 1), coined);
const state: StoryState = emptyState(config);
/** What the vocabulary would hold if it never forgot: every distinct term hash the run has indexed. */
const everSeen = new Set<number>();

const baseline = settledMemory();
const rows: string[] = [];
let segmentStart = process.hrtime.bigint();
let segmentFed = 0;
for (let fed = 1; fed <= total; fed++) {
  const at = START + Math.round(fed * step);
  const events = handleArticle(state, synth.next(`w-${fed}`, new Date(at).toISOString()), { at, eventKey: `window-${fed}` });
  for (const event of events) if (event.type !== 'StoriesMerged') for (const [term] of event.fingerprint.terms) everSeen.add(term);
  segmentFed++;
  if (fed % Math.round(total / 10) !== 0 && fed !== total) continue;
  const seconds = Number(process.hrtime.bigint() - segmentStart) / 1e9;
  const memory = settledMemory();
  const heap = memory.heap - baseline.heap;
  const withBuffers = memory.withBuffers - baseline.withBuffers;
  const row = [
    fed.toLocaleString('en'),
    (fed / windowArticles).toFixed(1),
    state.index.liveArticles.toLocaleString('en'),
    state.stories.size.toLocaleString('en'),
    state.frequencies.terms.toLocaleString('en'),
    state.frequencies.idLimit.toLocaleString('en'),
    everSeen.size.toLocaleString('en'),
    mib(heap),
    mib(withBuffers),
    (withBuffers / state.index.liveArticles / 1024).toFixed(2),
    Math.round(segmentFed / seconds).toLocaleString('en'),
  ];
  rows.push(`| ${row.join(' | ')} |`);
  process.stderr.write(`${rows[rows.length - 1]}\n`);
  segmentStart = process.hrtime.bigint();
  segmentFed = 0;
}

console.log(
  [
    `- Machine: ${describeMachine()}`,
    `- Corpus: ${sources.length} real articles from ${files.join(', ')}; ${coined} coined name(s) per article`,
    `- Default engine config (window ${config.windowMs / DAY_MS} days); event time ${(step / 1000).toFixed(1)} s apart, so the window holds ${windowArticles.toLocaleString('en')} articles; ${total.toLocaleString('en')} articles fed`,
    '',
    '| articles fed | windows | live articles | live stories | vocabulary terms | term ids allocated | terms ever seen | heapUsed MiB | heap + ArrayBuffers MiB | KB per live article | articles/s (segment, wall) |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n'),
);
