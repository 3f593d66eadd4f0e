import { Article } from '@app/contracts';
import { assess } from './decide';
import { DEFAULT_ENGINE_CONFIG, EngineConfig } from './engine-config';
import { evolve } from './evolve';
import { emptyState } from './story-state';
import { streamArticles } from './testing/fixture-stream';

const START = Date.parse('2026-01-05T00:00:00Z');

/** Undated, as archives and scrapes come: the years the text names are all that places it in time. */
const quake = (id: string, year: number): Article => ({
  id,
  body: [
    `A magnitude 5.9 earthquake struck Qeshm Island in the Persian Gulf on Sunday, killing at least 13 people, Iranian state media said in ${year}.`,
    'The quake flattened mud-brick homes in several villages on the island, which lies off the port of Bandar Abbas.',
    'Rescue workers from Hormozgan province searched the rubble through the night, and the Red Crescent sent tents and blankets.',
  ].join('\n\n'),
});

const rewrite = (id: string, year: number): Article => ({
  id,
  body: [
    `An earthquake of magnitude 6 shook Iran's Qeshm Island on Monday in ${year}, destroying houses and killing several villagers.`,
    'Officials in Bandar Abbas said rescue teams and the Red Crescent were sending help to the island.',
  ].join('\n\n'),
});

const withConfig = (config: Partial<EngineConfig>) => {
  const state = emptyState({ ...DEFAULT_ENGINE_CONFIG, ...config });
  streamArticles([quake('first', 2005)], START, { state });
  return state;
};

const bestFor = (article: Article, config: Partial<EngineConfig>) => assess(article, withConfig(config), START).ranked[0];

describe('matching reports of distant years', () => {
  it('dates an undated article by the latest year it names, a dated one by its publication', () => {
    const state = emptyState();
    expect(assess(quake('undated', 2008), state, START).analyzed.fingerprint.year).toBe(2008);
    const dated = { ...quake('dated', 2008), publishedAt: '2026-01-05T10:00:00Z' };
    expect(assess(dated, state, START).analyzed.fingerprint.year).toBe(2026);
  });

  it('weighs the topical similarity of a story told years apart by distantYearsFactor', () => {
    const distant = bestFor(rewrite('later', 2008), {});
    const unweighed = bestFor(rewrite('later', 2008), { distantYearsFactor: 1 });
    expect(distant.yearsApart).toBe(3);
    expect(distant.containment).toBe(0);
    expect(distant.score).toBeCloseTo(unweighed.score * DEFAULT_ENGINE_CONFIG.distantYearsFactor, 12);
  });

  it('leaves a report of the next year as it is: follow-ups and anniversaries are the same story', () => {
    const next = bestFor(rewrite('follow-up', 2006), {});
    expect(next.yearsApart).toBe(1);
    expect(next.score).toBe(bestFor(rewrite('follow-up', 2006), { distantYearsFactor: 1 }).score);
  });

  it('lets a verbatim copy join whatever year it names: reuse of the text settles it', () => {
    const decision = assess(quake('copy', 2012), withConfig({}), START);
    expect(decision.match?.yearsApart).toBe(7);
    expect(decision.relation).toBe('syndicated');
    expect(decision.match?.score).toBe(decision.match?.containment);
  });

  it('tells subscribers how many years apart the article and its story are, in the evidence', () => {
    const [update] = streamArticles([quake('copy', 2012)], START, { state: withConfig({}) }).decisions[0].events;
    expect(update.type === 'StoryUpdated' && update.evidence.yearsApart).toBe(7);
  });

  it('keeps every year a story was news in, through merges', () => {
    const { state, decisions } = streamArticles([quake('a', 2005), { id: 'b', body: 'Unrelated: the 2011 budget passed the senate after a long night of votes.' }], START);
    const [first, second] = decisions.map((d) => d.events[0].storyId);
    expect(second).not.toBe(first);
    evolve(state, { type: 'StoriesMerged', storyId: first, eventId: 'merge-1', at: new Date(START).toISOString(), mergedStoryIds: [second] });
    expect(state.stories.get(first)?.years).toEqual([2005, 2011]);
  });
});
