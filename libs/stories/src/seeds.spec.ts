import { StoryEvent, StoryUpdated } from '@app/contracts';
import { assess } from './decide';
import { DEFAULT_ENGINE_CONFIG } from './engine-config';
import { emptyState } from './story-state';
import { StoryAssignments } from './story-assignments';
import { Decision, loadFixture, streamArticles } from './testing/fixture-stream';

const warmup = loadFixture('ecbplus-warmup.articles.ndjson');
const seeds = loadFixture('seeds.articles.ndjson');
const replay = loadFixture('replay-sample.articles.ndjson');
/** Just before the earliest seed, so the undated warm-up stays inside the matching window with them. */
const START = Date.parse('2022-09-06T00:00:00Z');

const seed = (id: string) => seeds.find((a) => a.id === id)!;
const naming = (d: Decision) => d.events.filter((e): e is Exclude<StoryEvent, { type: 'StoriesMerged' }> => e.type !== 'StoriesMerged');
const updateFor = (decisions: Decision[], id: string): StoryUpdated => {
  const event = decisions.find((d) => d.article.id === id)!.events[0];
  if (event.type !== 'StoryUpdated') throw new Error(`${id} started a story: ${JSON.stringify(event.type)}`);
  return event;
};
const assign = (decisions: Decision[]) => {
  const assignments = new StoryAssignments();
  for (const d of decisions) for (const e of d.events) assignments.apply(e);
  return assignments;
};

describe('seed story after an ECB+ warm-up', () => {
  const { state, decisions } = streamArticles([...warmup, ...seeds], START);
  const assignments = assign(decisions);
  const seedStory = assignments.storyOfArticle('seed-000')!;

  it('puts all five seeds in one story', () => {
    expect(seeds.map((a) => assignments.storyOfArticle(a.id))).toEqual(seeds.map(() => seedStory));
  });

  it('lets no warm-up article into the seed story', () => {
    expect(warmup.filter((a) => assignments.storyOfArticle(a.id) === seedStory).map((a) => a.id)).toEqual([]);
  });

  it('names every accepted article in exactly one StoryStarted/StoryUpdated', () => {
    for (const d of decisions) {
      expect(naming(d).map((e) => e.articleId)).toEqual([d.article.id]);
    }
  });

  it('sees the Taipei Times copy as syndicated from the AP original', () => {
    const event = updateFor(decisions, 'seed-004');
    expect(event.relation).toBe('syndicated');
    expect(event.evidence.matchedArticleId).toBe('seed-000');
    expect(event.newPassages).toEqual([]);
  });

  it('sees the New York Post version as a rewrite that adds the history and the UN veto', () => {
    const event = updateFor(decisions, 'seed-001');
    expect(event.relation).toBe('rewrite');
    expect(event.newPassages.some((p) => p.includes('date back to 1948'))).toBe(true);
    expect(event.newPassages.some((p) => p.includes('vetoed a US-backed bid'))).toBe(true);
  });

  it('calls an exact resend (same id) a duplicate with nothing new, measured against the version it resends, and counts the article once', () => {
    const articles = state.stories.get(seedStory)!.articles;
    const [event] = streamArticles([seed('seed-003')], START, { state, firstKey: 10_000 }).decisions[0].events;
    expect(event).toMatchObject({ type: 'StoryUpdated', storyId: seedStory, relation: 'duplicate', newPassages: [] });
    const { evidence } = event as StoryUpdated;
    expect(evidence).toMatchObject({ matchedArticleId: 'seed-003', containment: 1 });
    expect(evidence.candidates).toEqual([{ storyId: seedStory, articleId: 'seed-003', score: evidence.score }]);
    expect(state.stories.get(seedStory)!.articles).toBe(articles);
  });

  it('measures a version sent again with edits against the one indexed, and keeps it in its story', () => {
    const original = seed('seed-002');
    const correction = 'Correction: an earlier version of this story misstated the date of the Security Council vote on the sanctions resolution.';
    const [corrected] = streamArticles([{ ...original, body: `${original.body}\n\n${correction}` }], START, { state, firstKey: 10_002 }).decisions[0]
      .events as StoryUpdated[];
    // One sentence more in a long text is still the same text, and the evidence says by how much.
    expect(corrected).toMatchObject({ storyId: seedStory, articleId: 'seed-002', relation: 'duplicate' });
    expect(corrected.evidence.matchedArticleId).toBe('seed-002');
    expect(corrected.evidence.cosine).toBeLessThan(1);

    const replaced = { ...original, body: 'The harbour authority opened a second container terminal on Monday after two years of dredging and wharf works, doubling the capacity for ships.' };
    const [rewritten] = streamArticles([replaced], START, { state, firstKey: 10_003 }).decisions[0].events as StoryUpdated[];
    expect(rewritten).toMatchObject({ storyId: seedStory, articleId: 'seed-002', relation: 'rewrite' });
    expect(rewritten.evidence).toMatchObject({ matchedArticleId: 'seed-002', containment: 0 });
    expect(rewritten.evidence.cosine).toBeLessThan(0.2);
    expect(rewritten.newPassages.join(' ')).toContain('container terminal');
  });

  it('calls the same text under a new id a duplicate', () => {
    const copy = { ...seed('seed-002'), id: 'seed-002-again' };
    const [event] = streamArticles([copy], START, { state, firstKey: 10_001 }).decisions[0].events;
    expect(event).toMatchObject({ type: 'StoryUpdated', storyId: seedStory, relation: 'duplicate', newPassages: [] });
  });
});

describe('paragraphs the Taipei Times copy sets aside', () => {
  const before = seeds.filter((a) => a.id !== 'seed-004');
  const { state } = streamArticles([...warmup, ...before], START);
  const article = seed('seed-004');
  const [event] = streamArticles([article], START, { state, firstKey: 20_001 }).decisions[0].events;
  const paragraphs = assess(article, state, Date.parse(article.publishedAt!)).analyzed.paragraphs;

  it('names its four trailing paragraphs on other topics as appended, in the event subscribers get', () => {
    if (event.type === 'StoriesMerged') throw new Error('expected the article to be named');
    const appended = (event.setAside ?? []).filter((p) => p.role === 'appended');
    expect(appended.map((p) => p.paragraph)).toEqual([0, 1, 2, 3].map((i) => paragraphs.length - 4 + i));
    expect(appended[0].text).toMatch(/tariff/i);
    expect(appended[1].text).toMatch(/Taiwan/);
    expect(appended[1].text).toMatch(/exercises around Taiwan/);
    expect(appended[2].text.startsWith('CHIP EXCEPTION:')).toBe(true);
    expect(appended[3].text.startsWith('THUGGISH BEHAVIOR:')).toBe(true);
  });

});

describe('paragraphs the other seeds set aside', () => {
  const { decisions } = streamArticles([...warmup, ...seeds], START);
  const setAside = (id: string) => {
    const [event] = decisions.find((d) => d.article.id === id)!.events;
    if (event.type === 'StoriesMerged') throw new Error(`${id} was not named`);
    return (event.setAside ?? []).map(({ role, text }) => [role, text]);
  };

  it('names credits, sign-offs and an ad, and keeps the story paragraphs out', () => {
    expect(setAside('seed-001')).toEqual([
      ['chrome', 'US News'],
      ['chrome', 'With Post wires'],
    ]);
    expect(setAside('seed-002')).toEqual([['chrome', 'Comments are closed.']]);
    expect(setAside('seed-003').map(([role]) => role)).toEqual(['appended', 'chrome']);
    expect(setAside('seed-003')[0][1]).toMatch(/^As Chinas economy slows/);
  });
});

/** Deterministic shuffle (mulberry32) so a failure names a reproducible order. */
const shuffled = <T>(items: readonly T[], seedValue: number): T[] => {
  let s = seedValue;
  const next = () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
};

/** All five seeds in one story, and none of `others` in it. */
const expectOneSeedStory = (decisions: Decision[], others: readonly { id: string }[]): void => {
  const assignments = assign(decisions);
  const story = assignments.storyOfArticle('seed-000');
  expect(seeds.map((a) => assignments.storyOfArticle(a.id))).toEqual(seeds.map(() => story));
  expect(others.filter((a) => assignments.storyOfArticle(a.id) === story).map((a) => a.id)).toEqual([]);
};

describe('seed story regardless of order', () => {
  const orders: [string, () => Decision[]][] = [
    ['seeds last, in reverse', () => streamArticles([...warmup, ...[...seeds].reverse()], START).decisions],
    ...[1, 2, 3].map((n): [string, () => Decision[]] => [
      `seeds shuffled into the warm-up (order ${n})`,
      () => streamArticles(shuffled([...warmup, ...seeds], n), START).decisions,
    ]),
  ];

  it.each(orders)('%s: one seed story, no intruders', (_name, run) => expectOneSeedStory(run(), warmup));
});

/**
 * The hard negatives: July 2018 news of the Trump–Putin summit and of North Korea, 115 articles of
 * replay/news-2018-07 (see test/fixtures/engine/README.md), with the ECB+ warm-up. The seeds tell of Russia buying
 * North Korean arms in 2022; none of these may join them, wherever the seeds come in the stream. The replay is
 * re-dated into the seeds' days, so that the time window cannot keep them apart: only the texts can.
 */
describe('seed story among the July 2018 replay, re-dated to the same days', () => {
  const sameDays = replay.map((a, i) => ({ ...a, publishedAt: new Date(START + i * 60_000).toISOString() }));
  const others = [...warmup, ...sameDays];
  const orders: [string, readonly typeof seeds[number][]][] = [
    ['seeds first', [...seeds, ...others]],
    ['seeds last', [...others, ...seeds]],
    ['seeds shuffled in (order 4)', shuffled([...others, ...seeds], 4)],
    ['seeds shuffled in (order 5)', shuffled([...others, ...seeds], 5)],
  ];

  it.each(orders)('%s: one seed story, no intruders', (_name, stream) => expectOneSeedStory(streamArticles(stream, START).decisions, others));

  it('would let intruders in at a much lower join score: the stream is hard enough for the check above to fail', () => {
    const state = emptyState({ ...DEFAULT_ENGINE_CONFIG, joinScore: 0.08 });
    const assignments = assign(streamArticles([...seeds, ...others], START, { state }).decisions);
    const story = assignments.storyOfArticle('seed-000');
    expect(others.filter((a) => assignments.storyOfArticle(a.id) === story).length).toBeGreaterThan(10);
  });
});
