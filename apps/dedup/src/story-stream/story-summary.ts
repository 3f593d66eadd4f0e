import { StoryEvent } from '@app/contracts';
import { StoryState } from '@app/stories';

/** The compacted news.stories.v1 record: the latest of each story, or a tombstone for a story merged away. */
export const storySummaries = (state: StoryState, events: readonly StoryEvent[]): { key: string; value: string | null }[] => {
  const out = new Map<string, string | null>();
  for (const event of events) {
    if (event.type === 'StoriesMerged') for (const id of event.mergedStoryIds) out.set(id, null);
    const story = state.stories.get(event.storyId);
    if (!story) continue;
    out.set(
      story.id,
      JSON.stringify({
        storyId: story.id,
        articles: story.articles,
        startedAt: new Date(story.startedAt).toISOString(),
        updatedAt: new Date(story.updatedAt).toISOString(),
        lastEventId: event.eventId,
      }),
    );
  }
  return [...out].map(([key, value]) => ({ key, value }));
};
