import { StoryEvent } from '@app/contracts';
import { evolve } from './evolve';
import { emptyState, StoryState } from './story-state';

export const replay = (events: Iterable<StoryEvent>, from: StoryState = emptyState()): StoryState => {
  let state = from;
  for (const event of events) state = evolve(state, event);
  return state;
};
