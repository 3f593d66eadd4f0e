import { Article } from '@app/contracts';
import { assess } from './decide';
import { DEFAULT_ENGINE_CONFIG, EngineConfig } from './engine-config';
import { emptyState } from './story-state';
import { streamArticles } from './testing/fixture-stream';

const START = Date.parse('2026-01-05T00:00:00Z');

/** Undated, as archives and scrapes come, and naming no year: the day of the week is all that places the event. */
/** " on Friday", or nothing for a text that names no day. */
const on = (day: string | undefined) => (day === undefined ? '' : ` on ${day}`);

const fire = (id: string, day?: string): Article => ({
  id,
  body: [
    `Fire crews in Wasilla fought a blaze at the Bible Church${on(day)}, and the fire chief called it suspicious.`,
    'Damage to the church, where Governor Sarah Palin worships, was put at one million dollars; no one was hurt.',
    'Investigators from the state fire marshal were sent to the scene in Alaska.',
  ].join('\n\n'),
});

const rewrite = (id: string, day?: string, dated = false): Article => ({
  id,
  body: [
    `Arson is suspected in a fire that badly damaged the Wasilla Bible Church in Alaska${on(day)}, the fire chief said.`,
    'Palin attends the church. Damage was estimated at one million dollars.',
  ].join('\n\n'),
  ...(dated ? { publishedAt: '2026-01-05T10:00:00Z' } : {}),
});

const withConfig = (config: Partial<EngineConfig>, first: Article = fire('first', 'Friday')) => {
  const state = emptyState({ ...DEFAULT_ENGINE_CONFIG, ...config });
  streamArticles([first], START, { state });
  return state;
};

const bestFor = (article: Article, config: Partial<EngineConfig> = {}, first?: Article) => assess(article, withConfig(config, first), START).ranked[0];

describe('matching undated reports by the day of the week they name', () => {
  it('keeps the days an undated article names, and none of a dated one', () => {
    const state = emptyState();
    expect(assess(rewrite('undated', 'Friday'), state, START).analyzed.fingerprint.weekdays).toEqual([5]);
    expect(assess(rewrite('dated', 'Friday', true), state, START).analyzed.fingerprint.weekdays).toBeUndefined();
  });

  it('weighs the topical similarity by distantWeekdaysFactor when the days they name are two or more apart', () => {
    const distant = bestFor(rewrite('later', 'Tuesday'));
    const unweighed = bestFor(rewrite('later', 'Tuesday'), { distantWeekdaysFactor: 1 });
    expect(distant.weekdaysApart).toBe(3);
    expect(distant.containment).toBe(0);
    expect(distant.score).toBeCloseTo(unweighed.score * DEFAULT_ENGINE_CONFIG.distantWeekdaysFactor, 12);
  });

  it('leaves the score alone for the same day and the day either side, round the weekend', () => {
    for (const [day, apart] of [['Friday', 0], ['Saturday', 1], ['Thursday', 1]] as const) {
      const near = bestFor(rewrite(`near-${day}`, day));
      expect(near.weekdaysApart).toBe(apart);
      expect(near.score).toBe(bestFor(rewrite(`near-${day}`, day), { distantWeekdaysFactor: 0.1 }).score);
    }
    expect(bestFor(rewrite('monday', 'Monday'), {}, fire('first', 'Sunday')).weekdaysApart).toBe(1);
  });

  it('compares nothing when either side names no day or the newcomer is dated', () => {
    expect(bestFor(rewrite('dayless')).weekdaysApart).toBeUndefined();
    expect(bestFor(rewrite('vs-dayless', 'Tuesday'), {}, fire('first')).weekdaysApart).toBeUndefined();
    const dated = bestFor(rewrite('dated', 'Tuesday', true));
    expect(dated.weekdaysApart).toBeUndefined();
    expect(dated.score).toBe(bestFor(rewrite('dated', 'Tuesday', true), { distantWeekdaysFactor: 0.1 }).score);
  });

  it('lets a verbatim copy join whatever day it names: reuse of the text settles it', () => {
    const copy = fire('copy', 'Tuesday');
    // Even with the topical score all but zeroed, the shared text alone carries the join.
    const decision = assess(copy, withConfig({ distantWeekdaysFactor: 0.01 }), START);
    expect(decision.match?.weekdaysApart).toBe(3);
    expect(decision.relation).toBe('syndicated');
    expect(decision.match?.score).toBe(decision.match?.containment);
  });

  it('tells subscribers how many days apart the article and its match name, in the evidence', () => {
    const [update] = streamArticles([rewrite('next-day', 'Saturday')], START, { state: withConfig({}) }).decisions[0].events;
    expect(update.type === 'StoryUpdated' && update.evidence.weekdaysApart).toBe(1);
  });
});
