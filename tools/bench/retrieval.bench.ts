import { assess, DAY_MS, DEFAULT_ENGINE_CONFIG, emptyState, EngineConfig, handleArticle, StoryState } from '@app/stories';
import { loadCorpus } from './corpus';
import { describeMachine } from './machine';
import { Synthesizer } from './synthesize';

/**
 * What the sub-linear candidate retrieval costs in decisions. At each index size, every measured article is assessed
 * with the default config, with cheaper and dearer retrieval settings, and with a wide retrieval (twice the query
 * terms, five times the candidates, four times the postings walked per term) that stands in for scoring every story
 * that shares a heavy term. A row reports how often each setting picks the story (or the new story) the wide
 * retrieval picks, and its time per assessment.
 * Env: BENCH_SIZES (default 10000,100000), BENCH_MEASURE (articles per size, default 1000), BENCH_SEED.
 */
const sizes = (process.env.BENCH_SIZES ?? '10000,100000').split(',').map(Number).sort((a, b) => a - b);
const measure = Number(process.env.BENCH_MEASURE ?? 1000);
const config: EngineConfig = { ...DEFAULT_ENGINE_CONFIG, windowMs: 3650 * DAY_MS };
const { queryTerms, candidates, postingsPerTerm } = config;
const wide: EngineConfig = { ...config, queryTerms: queryTerms * 2, candidates: candidates * 5, postingsPerTerm: postingsPerTerm * 4 };
const settings: { name: string; config: EngineConfig }[] = [
  { name: `default (${queryTerms} query terms, ${candidates} candidates, ${postingsPerTerm} postings per term)`, config },
  { name: `${candidates / 2} candidates`, config: { ...config, candidates: candidates / 2 } },
  { name: `${queryTerms / 2} query terms`, config: { ...config, queryTerms: queryTerms / 2 } },
  { name: `${postingsPerTerm / 4} postings per term`, config: { ...config, postingsPerTerm: postingsPerTerm / 4 } },
  { name: `${candidates * 2} candidates`, config: { ...config, candidates: candidates * 2 } },
  { name: `${queryTerms * 2} query terms`, config: { ...config, queryTerms: queryTerms * 2 } },
  { name: `${postingsPerTerm * 4} postings per term`, config: { ...config, postingsPerTerm: postingsPerTerm * 4 } },
];
const START = Date.parse('2018-07-01T00:00:00Z');

const synth = new Synthesizer(loadCorpus().sources, Number(process.env.BENCH_SEED ?? 1));
const state: StoryState = emptyState(config);
let fed = 0;
const nextArticle = () => synth.next(`r-${fed}`, new Date(START + fed * 1000).toISOString());
const feed = (article = nextArticle()) => {
  handleArticle(state, article, { at: START + fed * 1000, eventKey: `retrieval-${fed}` });
  fed++;
};
/** The story the state would give the article under `settings`, without changing the state. */
const choice = (article: ReturnType<typeof nextArticle>, settings: EngineConfig) =>
  assess(article, { ...state, config: settings }, START + fed * 1000).match?.storyId ?? 'a new story';

const rows: string[] = [];
for (const size of sizes) {
  while (state.index.liveArticles < size) feed();
  const agreed = settings.map(() => 0);
  const nanos = settings.map(() => 0n);
  for (let m = 0; m < measure; m++) {
    const article = nextArticle();
    const reference = choice(article, wide);
    // Rotated, so no setting always runs first on a cold cache.
    for (let k = 0; k < settings.length; k++) {
      const s = (k + m) % settings.length;
      const began = process.hrtime.bigint();
      const picked = choice(article, settings[s].config);
      nanos[s] += process.hrtime.bigint() - began;
      if (picked === reference) agreed[s]++;
    }
    feed(article);
  }
  settings.forEach((setting, s) => {
    const row = `| ${size} | ${setting.name} | ${((100 * agreed[s]) / measure).toFixed(1)} % | ${(Number(nanos[s]) / measure / 1e3).toFixed(0)} |`;
    rows.push(row);
    process.stderr.write(`${row}\n`);
  });
}

console.log(
  [
    `- Machine: ${describeMachine()}`,
    `- Wide retrieval: ${wide.queryTerms} query terms, ${wide.candidates} candidates, ${wide.postingsPerTerm} postings per term; ${measure} articles measured per size`,
    '',
    '| indexed articles | retrieval | same decision as the wide retrieval | µs per assessment |',
    '|---|---|---|---|',
    ...rows,
  ].join('\n'),
);
