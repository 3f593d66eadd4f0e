import { prng } from '../synthesize';

export type Fault = { kind: 'kill-dedup'; afterArticles: number; delayMs: number } | { kind: 'restart-broker'; afterArticles: number; delayMs: number };

/**
 * Where the faults fall in the stream: `kills` kill -9s of dedup and, when asked, one broker restart, at seeded
 * random points between 10 % and 85 % of the articles, in stream order, each with a random sub-second delay so
 * that a fault does not always land right after a bulk post.
 */
export const faultPlan = (seed: number, articles: number, kills: number, restartBroker: boolean): Fault[] => {
  const random = prng(seed);
  const kinds: Fault['kind'][] = Array.from({ length: kills }, () => 'kill-dedup' as const);
  if (restartBroker) kinds.splice(Math.floor(random() * (kills + 1)), 0, 'restart-broker');
  const points = kinds.map(() => Math.floor(articles * (0.1 + random() * 0.75))).sort((a, b) => a - b);
  return kinds.map((kind, i) => ({ kind, afterArticles: points[i], delayMs: Math.floor(random() * 1000) }));
};
