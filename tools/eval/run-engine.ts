import { Article, DEFAULT_MAX_BODY_BYTES, describeRejections, parseArticle, StoryEvent } from '@app/contracts';
import { decide, DEFAULT_ENGINE_CONFIG, emptyState, EngineConfig, eventTime, evolve, StoryAssignments, StoryState } from '@app/stories';

export interface EngineRun {
  state: StoryState;
  assignments: StoryAssignments;
  events: StoryEvent[];
  /** Article ids in input order, as accepted. */
  order: string[];
  rejected: { line: number; reason: string }[];
}

/**
 * Feeds NDJSON lines through the same decide/evolve step the dedup service runs, in file order. Lines without a
 * publication time take the latest time seen, as a broker would stamp them on arrival.
 */
export const runEngine = (
  lines: Iterable<{ line: string; number: number }>,
  config: EngineConfig = DEFAULT_ENGINE_CONFIG,
  /** Called before the article's events are folded in, so `state` is what the decision saw. */
  onArticle: (article: Article, events: StoryEvent[], state: StoryState, at: number) => void = () => undefined,
  /** The body limit dedup parses with (its MAX_BODY_BYTES). */
  maxBodyBytes = DEFAULT_MAX_BODY_BYTES,
): EngineRun => {
  const state = emptyState(config);
  const assignments = new StoryAssignments();
  const run: EngineRun = { state, assignments, events: [], order: [], rejected: [] };
  let clock = 0;
  for (const { line, number } of lines) {
    const parsed = parseArticle(line, maxBodyBytes);
    if (!parsed.ok) {
      run.rejected.push({ line: number, reason: describeRejections(parsed.rejections) });
      continue;
    }
    clock = Math.max(clock, eventTime(parsed.value, clock));
    const at = eventTime(parsed.value, clock);
    const events = decide(parsed.value, state, { at, eventKey: `line-${number}` });
    onArticle(parsed.value, events, state, at);
    for (const event of events) {
      evolve(state, event);
      assignments.apply(event);
    }
    run.events.push(...events);
    run.order.push(parsed.value.id);
  }
  return run;
};
