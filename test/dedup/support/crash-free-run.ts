import { type Article, type StoryEvent } from '@app/contracts';
import { decide, DEFAULT_ENGINE_CONFIG, emptyState, type EngineConfig, eventTime, evolve, StoryAssignments } from '@app/stories';
import { isArticleEvent } from './committed-log';

export interface CrashFreeRun {
  readonly events: StoryEvent[];
  readonly assignments: Map<string, string>;
}

/**
 * The pure engine over the same articles in the order the service took them, with no Kafka and no crash. The
 * order comes from the committed log: with several input partitions there is no other record of how they were
 * interleaved. Each article gets the same event key (topic-partition-offset) the service used, read from its
 * event id, so ids must come out identical too.
 */
export const crashFreeRun = (articles: readonly Article[], log: readonly StoryEvent[], engine: EngineConfig = DEFAULT_ENGINE_CONFIG): CrashFreeRun => {
  const byId = new Map(articles.map((article) => [article.id, article]));
  const state = emptyState(engine);
  const assignments = new StoryAssignments();
  const events: StoryEvent[] = [];
  for (const logged of log.filter(isArticleEvent)) {
    const article = byId.get(logged.articleId)!;
    const eventKey = logged.eventId.slice(0, logged.eventId.lastIndexOf('#'));
    for (const event of decide(article, state, { at: eventTime(article, Number.NaN), eventKey })) {
      evolve(state, event);
      assignments.apply(event);
      events.push(event);
    }
  }
  return { events, assignments: new Map(assignments.entries()) };
};

export const assignmentsOf = (log: readonly StoryEvent[]): Map<string, string> => {
  const assignments = new StoryAssignments();
  for (const event of log) assignments.apply(event);
  return new Map(assignments.entries());
};
