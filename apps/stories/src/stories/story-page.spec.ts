import { decodeCursor } from './story-cursor';
import { storyPage } from './story-page';
import { type StoryRow } from './story-rows';

const row = (id: string, updatedAt: string): StoryRow => ({
  story_id: id,
  title: null,
  article_count: 1,
  duplicate_count: 0,
  syndicated_count: 0,
  rewrite_count: 0,
  created_at: new Date('2024-05-01T00:00:00Z'),
  updated_at: new Date(updatedAt),
  last_event_id: `e-${id}`,
});

describe('storyPage', () => {
  it('returns the page and a cursor at its last story when more rows exist', () => {
    const page = storyPage([row('st-c', '2024-05-03T00:00:00Z'), row('st-b', '2024-05-02T00:00:00Z'), row('st-a', '2024-05-01T00:00:00Z')], 2);
    expect(page.stories.map((s) => s.id)).toEqual(['st-c', 'st-b']);
    expect(decodeCursor(page.nextCursor!)).toEqual({ updatedAt: '2024-05-02T00:00:00.000Z', id: 'st-b' });
  });

  it('has no cursor on the last page', () => {
    expect(storyPage([row('st-a', '2024-05-01T00:00:00Z')], 1).nextCursor).toBeNull();
    expect(storyPage([], 50)).toEqual({ stories: [], nextCursor: null });
  });
});
