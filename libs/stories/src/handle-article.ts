import { Article, StoryEvent } from '@app/contracts';
import { publishedTime } from './analyze-article';
import { decide, DecisionContext } from './decide';
import { evolve } from './evolve';
import { StoryState } from './story-state';

/** decide, then fold the events in: the one step a stream processor takes per accepted article. */
export const handleArticle = (state: StoryState, article: Article, context: DecisionContext): StoryEvent[] => {
  const events = decide(article, state, context);
  for (const event of events) evolve(state, event);
  return events;
};

/** Event time for an article: its own publication time when it has one, else what the caller saw. */
export const eventTime = (article: Article, fallback: number): number => publishedTime(article) ?? fallback;
