import { hash32 } from '@app/matching';
import { Article, Fingerprint, StoryEvent } from '@app/contracts';
import { terms } from '@app/text';
import { evolve } from './evolve';
import { replay } from './replay';
import { fromSnapshot, toSnapshot } from './snapshot';
import { DEFAULT_ENGINE_CONFIG, EngineConfig } from './engine-config';
import { emptyState, StoryState } from './story-state';
import { loadFixture, streamArticles } from './testing/fixture-stream';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const START = Date.parse('2022-09-06T00:00:00Z');
const pool = [...loadFixture('seeds.articles.ndjson'), ...loadFixture('ecbplus-warmup.articles.ndjson')];

/** A name and a figure no other article uses: the vocabulary a real feed coins every day. */
const coinedWords = (i: number): string => `Kq${i.toString(36)}vor`;
const coinedSentence = (i: number): string => `Reporting by ${coinedWords(i)} in Zelmtown; ${1_000_003 + i} readers.`;

/** Four articles a day for 120 days, each a pool article whose lead opens with coined words. */
const feed: Article[] = Array.from({ length: 480 }, (_, i) => {
  const base = pool[(i * 7) % pool.length];
  return { ...base, id: `w-${i}`, body: `${coinedSentence(i)} ${base.body}`, publishedAt: new Date(START + i * 6 * HOUR).toISOString() };
});

/** The default calls a term rare below 1 in 10,000 documents; this feed has 480, so rare is scaled to it. */
const config: EngineConfig = { ...DEFAULT_ENGINE_CONFIG, rareTermShare: 0.02 };
const stream = (articles: readonly Article[]) => streamArticles(articles, START, { state: emptyState(config) });

const json = (value: unknown) => JSON.parse(JSON.stringify(value));
const sizes = (state: StoryState) => ({
  terms: state.frequencies.terms,
  idLimit: state.frequencies.idLimit,
  articles: state.index.liveArticles,
  stories: state.stories.size,
  edges: state.edgeParagraphs.size,
});

describe('the matching window (7 days of event time by default)', () => {
  const whole = stream(feed);
  const halfway = stream(feed.slice(0, feed.length / 2));

  it('keeps the engine state to what the window holds, vocabulary included, however long the feed runs', () => {
    const middle = sizes(halfway.state);
    const end = sizes(whole.state);
    // 7 days at 4 a day, plus up to one sweep interval (1/48 of the window) not yet swept.
    expect(end.articles).toBeLessThanOrEqual(29);
    expect(middle.articles).toBeLessThanOrEqual(29);
    // The second half coins 480 terms (a name and a figure per article); kept, they would add a fifth.
    expect(end.terms).toBeLessThanOrEqual(middle.terms * 1.05);
    expect(end.stories).toBeLessThanOrEqual(middle.stories + 5);
    expect(end.edges).toBeLessThanOrEqual(middle.edges + 20);
  });

  it('gives forgotten ids to new terms, so its tables never outgrow the most terms known at once', () => {
    const state = emptyState(config);
    let peak = 0;
    feed.forEach((article, i) => {
      const before = state.frequencies.terms;
      const [event] = streamArticles([article], START, { state, firstKey: i }).decisions[0].events;
      if (event.type === 'StoriesMerged') throw new Error('the first event names the article');
      peak = Math.max(peak, before + event.fingerprint.terms.length);
    });
    expect(state.frequencies.idLimit).toBeLessThanOrEqual(peak);
    expect(state.frequencies.idLimit).toBe(whole.state.frequencies.idLimit);
  });

  it('forgets a coined term once no article in the window uses it, and knows the recent ones', () => {
    const frequency = (word: string) => whole.state.frequencies.frequency(hash32(terms(word)[0]));
    expect(frequency(coinedWords(0))).toBe(0);
    expect(frequency(coinedWords(200))).toBe(0);
    expect(frequency(coinedWords(479))).toBe(1);
    expect(frequency(coinedWords(460))).toBe(1);
    expect(frequency('Zelmtown')).toBe(feed.length);
  });

  it('keeps a common word through a quiet week, so its weight does not restart as if it were a new name', () => {
    // After the gap, an article that names neither: its sweep finds the feed's words all dormant.
    const afterGap = { ...pool[3], id: 'after-gap', publishedAt: new Date(START + 150 * DAY).toISOString() };
    const { state } = streamArticles([afterGap], START + 150 * DAY, { state: fromSnapshot(json(toSnapshot(whole.state))), firstKey: feed.length });
    const frequency = (word: string) => state.frequencies.frequency(hash32(terms(word)[0]));
    expect(state.index.liveArticles).toBe(1);
    expect(frequency('Zelmtown')).toBe(feed.length);
    expect(frequency(coinedWords(479))).toBe(0);
    expect(state.frequencies.terms).toBeLessThan(whole.state.frequencies.terms);
  });

  it('rebuilds the same state from the events, through every window the feed crossed', () => {
    const events = whole.decisions.flatMap((d) => d.events);
    expect(json(toSnapshot(replay(json(events), emptyState(config))))).toEqual(json(toSnapshot(whole.state)));
  });

  it('decides after a snapshot restore exactly as without it, when terms were forgotten and their ids reused', () => {
    const restored = fromSnapshot(json(toSnapshot(halfway.state)));
    expect(halfway.state.frequencies.terms).toBeLessThan(halfway.state.frequencies.idLimit);
    const clock = Math.max(...halfway.decisions.map((d) => d.at));
    const tail = streamArticles(feed.slice(feed.length / 2), clock, { state: restored, firstKey: feed.length / 2 });
    expect(tail.decisions.map((d) => d.events)).toEqual(whole.decisions.slice(feed.length / 2).map((d) => d.events));
    expect(json(toSnapshot(tail.state))).toEqual(json(toSnapshot(whole.state)));
  });

  it('lets go of every term of the stories that left: pruned from a centroid, merged away or evicted', () => {
    const fingerprint = (from: number, to: number, time: number): Fingerprint => ({
      terms: Array.from({ length: to - from }, (_, i): [number, number] => [from + i, 1 + (i % 3)]),
      edges: [],
      minhash: new Array<number>(128).fill(0),
      shingles: 0,
      entities: [],
      time,
    });
    const at = (time: number) => new Date(time).toISOString();
    const started = (storyId: string, articleId: string, terms: Fingerprint): StoryEvent => ({
      type: 'StoryStarted', storyId, eventId: `e-${articleId}`, at: at(terms.time), articleId, article: { id: articleId }, fingerprint: terms,
    });
    const evidence = { matchedArticleId: 'a1', score: 1, cosine: 1, containment: 0, entityOverlap: 1, sharedPassages: [], candidates: [] };
    // Every term is rare here, so whatever nothing holds is forgotten once it is dormant.
    const state = emptyState({ ...DEFAULT_ENGINE_CONFIG, rareTermShare: 1 });
    const events: StoryEvent[] = [
      // 600 terms: the centroid prunes to its heaviest and must release the rest.
      started('s1', 'a1', fingerprint(1, 601, START)),
      started('s2', 'a2', fingerprint(500, 700, START + HOUR)),
      { type: 'StoryUpdated', storyId: 's1', eventId: 'e-a3', at: at(START + 2 * HOUR), articleId: 'a3', article: { id: 'a3' }, relation: 'rewrite', newPassages: [], evidence, fingerprint: fingerprint(1000, 1100, START + 2 * HOUR) },
      { type: 'StoriesMerged', storyId: 's1', eventId: 'e-merge', at: at(START + 2 * HOUR), mergedStoryIds: ['s2'] },
      started('s3', 'a4', fingerprint(5000, 5011, START + 30 * DAY)),
    ];
    for (const event of events) evolve(state, event);
    expect([...state.stories.keys()]).toEqual(['s3']);
    expect(state.frequencies.terms).toBe(11);
  });

  it('keeps every article the window holds matchable', () => {
    const lastDay = whole.decisions.filter((d) => d.at > START + 119 * DAY - DAY);
    for (const { article } of lastDay) expect(whole.state.articleSlots.has(article.id)).toBe(true);
  });
});
