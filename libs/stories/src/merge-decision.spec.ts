import { StoriesMerged, StoryUpdated } from '@app/contracts';
import { DEFAULT_ENGINE_CONFIG } from './engine-config';
import { emptyState } from './story-state';
import { loadFixture, streamArticles } from './testing/fixture-stream';

const START = Date.parse('2022-09-06T00:00:00Z');
const warmup = loadFixture('ecbplus-warmup.articles.ndjson');
const seeds = loadFixture('seeds.articles.ndjson');
const seed = (id: string) => seeds.find((a) => a.id === id)!;

describe('decide proves two stories one', () => {
  it('joins an article that holds both stories verbatim to the better one, and merges the other into it', () => {
    // A join score this high keeps two paraphrases of one event apart; verbatim text clears it for either.
    const state = emptyState({ ...DEFAULT_ENGINE_CONFIG, joinScore: DEFAULT_ENGINE_CONFIG.mergeScore });
    const [ap, examiner] = [seed('seed-000'), seed('seed-002')];
    const { decisions } = streamArticles([...warmup, ap, examiner], START, { state });
    const [apStory, examinerStory] = decisions.slice(-2).map((d) => d.events[0].storyId);
    expect(examinerStory).not.toBe(apStory);

    const both = { id: 'both', title: ap.title, body: `${ap.body}\n\n${examiner.body}`, publishedAt: examiner.publishedAt, language: 'en' };
    const [events] = streamArticles([both], START, { state, firstKey: 1_000 }).decisions.map((d) => d.events);
    const [update, merged] = events as [StoryUpdated, StoriesMerged];
    expect(update).toMatchObject({ type: 'StoryUpdated', articleId: 'both' });
    const survivor = update.storyId;
    expect([apStory, examinerStory]).toContain(survivor);
    expect(merged).toEqual(
      expect.objectContaining({ type: 'StoriesMerged', storyId: survivor, mergedStoryIds: [survivor === apStory ? examinerStory : apStory] }),
    );
    expect(events).toHaveLength(2);
    expect(state.stories.has(merged.mergedStoryIds[0])).toBe(false);
  });
});
