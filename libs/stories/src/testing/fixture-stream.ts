import { readFileSync } from 'fs';
import { join } from 'path';
import { Article, describeRejections, parseArticle, StoryEvent } from '@app/contracts';
import { emptyState, StoryState } from '../story-state';
import { eventTime, handleArticle } from '../handle-article';

/** Test-only: the engine fixtures live in the project (test/fixtures/engine), not in ../shared. */
const FIXTURES = join(__dirname, '../../../../test/fixtures/engine');

export const loadFixture = (name: string): Article[] =>
  readFileSync(join(FIXTURES, name), 'utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line) => {
      const parsed = parseArticle(line);
      if (!parsed.ok) throw new Error(`${name}: ${describeRejections(parsed.rejections)}`);
      return parsed.value;
    });

export interface Decision {
  article: Article;
  at: number;
  events: StoryEvent[];
}

/**
 * Feeds articles through decide+evolve in order. Articles without publishedAt take the latest time seen, starting
 * at `start`: the ECB+ warm-up has no dates, and stamping it at epoch 0 would evict it the moment a dated seed
 * arrives, so it would never be a candidate and the "no intruder" checks would prove nothing.
 */
export const streamArticles = (
  articles: readonly Article[],
  start: number,
  { state = emptyState(), firstKey = 0 }: { state?: StoryState; firstKey?: number } = {},
) => {
  let clock = start;
  const decisions: Decision[] = [];
  articles.forEach((article, i) => {
    const at = eventTime(article, clock);
    clock = Math.max(clock, at);
    // Record keys stand in for topic-partition-offset: unique per input, so story and event ids are too.
    decisions.push({ article, at, events: handleArticle(state, article, { at, eventKey: `r-${firstKey + i}` }) });
  });
  return { state, decisions };
};
