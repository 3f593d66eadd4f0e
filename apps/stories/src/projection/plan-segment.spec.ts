import { type ArticleStep, type MergeStep } from './project-event';
import { type KnownRows, planSegment, splitRuns } from './plan-segment';

const step = (eventId: string, storyId: string, articleId: string, at: string, extra: Partial<ArticleStep> = {}): ArticleStep => ({
  kind: 'article',
  eventId,
  storyId,
  at,
  event: { type: 'StoryStarted', storyId, eventId, at, articleId, article: { id: articleId } },
  title: null,
  article: { id: articleId },
  relation: 'origin',
  ...extra,
});
const merge: MergeStep = {
  kind: 'merge',
  eventId: 'm',
  storyId: 'st-a',
  at: '2024-05-02T00:00:00.000Z',
  event: { type: 'StoriesMerged', storyId: 'st-a', eventId: 'm', at: '2024-05-02T00:00:00.000Z', mergedStoryIds: ['st-b'] },
  mergedStoryIds: ['st-b'],
};
const nothingKnown: KnownRows = { appliedEventIds: new Set(), aliases: new Map(), articleStories: new Map() };

describe('planSegment', () => {
  it('numbers events after the last sequence number and creates each story once, from its first event', () => {
    const plan = planSegment(
      [
        step('e1', 'st-a', 'a1', '2024-05-01T10:00:00.000Z', { title: 'Rockets' }),
        step('e2', 'st-a', 'a2', '2024-05-01T11:00:00.000Z', { title: 'Later title', relation: 'duplicate' }),
        step('e3', 'st-b', 'b1', '2024-05-01T09:00:00.000Z'),
      ],
      nothingKnown,
      41,
    );
    expect(plan.events.map((e) => [e.seq, e.eventId, e.storyId])).toEqual([
      [42, 'e1', 'st-a'],
      [43, 'e2', 'st-a'],
      [44, 'e3', 'st-b'],
    ]);
    expect(plan.stories).toEqual([
      { storyId: 'st-a', title: 'Rockets', createdAt: '2024-05-01T10:00:00.000Z', updatedAt: '2024-05-01T11:00:00.000Z', lastEventId: 'e2' },
      { storyId: 'st-b', title: null, createdAt: '2024-05-01T09:00:00.000Z', updatedAt: '2024-05-01T09:00:00.000Z', lastEventId: 'e3' },
    ]);
    expect(plan.articles.map((a) => [a.articleId, a.storyId, a.relation, a.eventSeq])).toEqual([
      ['a1', 'st-a', 'origin', 42],
      ['a2', 'st-a', 'duplicate', 43],
      ['b1', 'st-b', 'origin', 44],
    ]);
    expect(plan).toMatchObject({ touched: ['st-a', 'st-b'], duplicates: 0, lastSeq: 44 });
  });

  it('takes the first title any event carries, and never moves updatedAt back', () => {
    const plan = planSegment(
      [step('e1', 'st-a', 'a1', '2024-05-01T10:00:00.000Z'), step('e2', 'st-a', 'a2', '2024-05-01T08:00:00.000Z', { title: 'Found later' })],
      nothingKnown,
      0,
    );
    expect(plan.stories).toEqual([{ storyId: 'st-a', title: 'Found later', createdAt: '2024-05-01T10:00:00.000Z', updatedAt: '2024-05-01T10:00:00.000Z', lastEventId: 'e2' }]);
  });

  it('skips an event id applied before or earlier in the run, without using a sequence number', () => {
    const plan = planSegment(
      [step('old', 'st-a', 'a1', '2024-05-01T10:00:00.000Z'), step('e2', 'st-a', 'a2', '2024-05-01T10:00:00.000Z'), step('e2', 'st-a', 'a2', '2024-05-01T10:00:00.000Z')],
      { ...nothingKnown, appliedEventIds: new Set(['old']) },
      7,
    );
    expect(plan.events.map((e) => [e.seq, e.eventId])).toEqual([[8, 'e2']]);
    expect(plan).toMatchObject({ duplicates: 2, lastSeq: 8 });
  });

  it('files events naming a merged story under the story that absorbed it', () => {
    const plan = planSegment([step('e1', 'st-b', 'b9', '2024-05-03T00:00:00.000Z')], { ...nothingKnown, aliases: new Map([['st-b', 'st-a']]) }, 0);
    expect(plan.events[0].storyId).toBe('st-a');
    expect(plan.stories.map((s) => s.storyId)).toEqual(['st-a']);
    expect(plan.articles.map((a) => a.storyId)).toEqual(['st-a']);
  });

  it('keeps a resent article where it is, and moves one the engine placed in another story', () => {
    const known = { ...nothingKnown, articleStories: new Map([['a1', 'st-a'], ['a2', 'st-old']]) };
    const plan = planSegment(
      [step('e1', 'st-a', 'a1', '2024-05-01T10:00:00.000Z', { relation: 'duplicate' }), step('e2', 'st-new', 'a2', '2024-05-09T10:00:00.000Z')],
      known,
      0,
    );
    expect(plan.articles.map((a) => [a.articleId, a.storyId])).toEqual([['a2', 'st-new']]);
    expect(plan.touched).toEqual(['st-old', 'st-new']);
    expect(plan.events).toHaveLength(2);
  });

  it('keeps the article summary fields, absent ones as null', () => {
    const article = { id: 'a1', title: 'T', source: 'AP', url: 'https://example.org/a1', publishedAt: '2024-05-01T09:00:00Z' };
    expect(planSegment([step('e1', 'st-a', 'a1', '2024-05-01T10:00:00.000Z', { article })], nothingKnown, 0).articles[0]).toEqual({
      articleId: 'a1',
      storyId: 'st-a',
      relation: 'origin',
      title: 'T',
      source: 'AP',
      url: 'https://example.org/a1',
      publishedAt: '2024-05-01T09:00:00Z',
      joinedAt: '2024-05-01T10:00:00.000Z',
      eventSeq: 1,
    });
    expect(planSegment([step('e1', 'st-a', 'a1', '2024-05-01T10:00:00.000Z')], nothingKnown, 0).articles[0]).toMatchObject({ title: null, source: null, url: null, publishedAt: null });
  });
});

describe('splitRuns', () => {
  it('groups consecutive article steps and keeps each merge on its own, in order', () => {
    const [a, b, c] = ['e1', 'e2', 'e3'].map((id) => step(id, 'st-a', id, '2024-05-01T10:00:00.000Z'));
    expect(splitRuns([a, b, merge, c, merge])).toEqual([{ kind: 'articles', steps: [a, b] }, merge, { kind: 'articles', steps: [c] }, merge]);
    expect(splitRuns([])).toEqual([]);
  });
});
