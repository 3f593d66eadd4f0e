import { StoryEvent } from '@app/contracts';

/**
 * Article → story as the event log tells it, following merges to the surviving story. Kept apart from the engine
 * state because it outlives the matching window.
 */
export class StoryAssignments {
  private readonly storyOf = new Map<string, string>();
  private readonly mergedInto = new Map<string, string>();

  apply(event: StoryEvent): void {
    if (event.type === 'StoriesMerged') {
      for (const id of event.mergedStoryIds) if (id !== event.storyId) this.mergedInto.set(id, event.storyId);
    } else {
      this.storyOf.set(event.articleId, event.storyId);
    }
  }

  resolve(storyId: string): string {
    let id = storyId;
    for (let next = this.mergedInto.get(id); next !== undefined; next = this.mergedInto.get(id)) id = next;
    return id;
  }

  storyOfArticle(articleId: string): string | undefined {
    const story = this.storyOf.get(articleId);
    return story === undefined ? undefined : this.resolve(story);
  }

  entries(): [string, string][] {
    return [...this.storyOf.keys()].map((articleId) => [articleId, this.storyOfArticle(articleId)!]);
  }
}
