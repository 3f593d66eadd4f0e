import { type Fingerprint, type StoryStarted, storyStartedSchema, type StoryUpdated, storyUpdatedSchema } from '@app/contracts';
import { projectEvent } from './project-event';

const fingerprint: Fingerprint = { terms: [[17, 2]], edges: [5], minhash: [1, 2, 3], shingles: 40, entities: [9], time: 1714557600000 };
const started: StoryStarted = storyStartedSchema.parse({
  type: 'StoryStarted',
  storyId: 'st-a',
  eventId: 'e-1',
  at: '2024-05-01T12:00:00+02:00',
  articleId: 'a-1',
  article: { id: 'a-1', title: 'Russia buys North Korean rockets', source: 'Wire' },
  fingerprint,
});
const updated: StoryUpdated = storyUpdatedSchema.parse({
  type: 'StoryUpdated',
  storyId: 'st-a',
  eventId: 'e-2',
  at: '2024-05-01T10:30:00.123456Z',
  articleId: 'a-2',
  article: { id: 'a-2' },
  relation: 'rewrite',
  newPassages: ['Officials declined to comment.'],
  evidence: { matchedArticleId: 'a-1', score: 0.7, cosine: 0.6, containment: 0.2, entityOverlap: 0.8, sharedPassages: [], candidates: [] },
  fingerprint,
});

describe('projectEvent', () => {
  it('starts a story titled after its first article, which joins as the origin, at UTC millisecond time', () => {
    expect(projectEvent(started)).toMatchObject({
      kind: 'article',
      eventId: 'e-1',
      storyId: 'st-a',
      at: '2024-05-01T10:00:00.000Z',
      title: 'Russia buys North Korean rockets',
      article: started.article,
      relation: 'origin',
    });
  });

  it('adds an article with its relation; an untitled one leaves the title to the story', () => {
    expect(projectEvent(updated)).toMatchObject({ kind: 'article', at: '2024-05-01T10:30:00.123Z', title: null, article: { id: 'a-2' }, relation: 'rewrite' });
  });

  it('keeps the event for timelines and the stream without the engine fingerprint', () => {
    const { event } = projectEvent(updated);
    expect(event).not.toHaveProperty('fingerprint');
    expect(event).toMatchObject({ newPassages: ['Officials declined to comment.'], evidence: updated.evidence, relation: 'rewrite' });
  });

  it('merges each absorbed story once and never the survivor into itself', () => {
    const merge = { type: 'StoriesMerged', storyId: 'st-a', eventId: 'e-3', at: '2024-05-02T00:00:00Z' } as const;
    expect(projectEvent({ ...merge, mergedStoryIds: ['st-b', 'st-a', 'st-b', 'st-c'] })).toMatchObject({ kind: 'merge', mergedStoryIds: ['st-b', 'st-c'] });
    expect(projectEvent({ ...merge, mergedStoryIds: ['st-a'] })).toMatchObject({ kind: 'merge', mergedStoryIds: [] });
  });
});
