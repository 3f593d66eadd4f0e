import { adjustedRand, bcubed, GoldPair, Labels, pairwise } from './metrics';
import { readNumberedLines } from './ndjson';

/** Gold as the eval command takes it: a story per article (ECB+ style), or labelled pairs (SemEval style). */
export type Gold = { kind: 'clusters'; labels: Labels } | { kind: 'pairs'; pairs: GoldPair[] };

export const readGold = (path: string): Gold => {
  const rows = readNumberedLines(path).map(({ line }) => JSON.parse(line) as { id?: string; story?: string } & Partial<GoldPair>);
  if (rows.length > 0 && rows[0].a !== undefined) return { kind: 'pairs', pairs: rows as GoldPair[] };
  return { kind: 'clusters', labels: new Map(rows.map((g) => [g.id!, g.story!])) };
};

/** The eval command's scores: B³ and ARI against clusters, pairwise precision/recall/F1 against pairs. */
export const scoreAgainst = (gold: Gold, predicted: Labels) =>
  gold.kind === 'pairs' ? pairwise(predicted, gold.pairs) : { bcubed: bcubed(predicted, gold.labels), ari: adjustedRand(predicted, gold.labels) };

