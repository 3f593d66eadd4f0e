/** Clustering and pair metrics for the eval command. Pure: item → label maps in, numbers out. */
export type Labels = ReadonlyMap<string, string>;

const groupBy = (labels: Labels, items: readonly string[]): Map<string, Set<string>> => {
  const groups = new Map<string, Set<string>>();
  for (const item of items) {
    const label = labels.get(item)!;
    if (!groups.has(label)) groups.set(label, new Set());
    groups.get(label)!.add(item);
  }
  return groups;
};

const f1 = (p: number, r: number): number => (p + r === 0 ? 0 : (2 * p * r) / (p + r));

/** B-cubed precision/recall/F1 over the items both sides label (Bagga & Baldwin 1998). */
export const bcubed = (predicted: Labels, gold: Labels) => {
  const items = [...gold.keys()].filter((item) => predicted.has(item));
  const predictedGroups = groupBy(predicted, items);
  const goldGroups = groupBy(gold, items);
  let precision = 0;
  let recall = 0;
  for (const item of items) {
    const mine = predictedGroups.get(predicted.get(item)!)!;
    const truth = goldGroups.get(gold.get(item)!)!;
    let both = 0;
    for (const other of mine) if (truth.has(other)) both++;
    precision += both / mine.size;
    recall += both / truth.size;
  }
  const n = items.length || 1;
  return { precision: precision / n, recall: recall / n, f1: f1(precision / n, recall / n), items: items.length };
};

const choose2 = (n: number): number => (n * (n - 1)) / 2;

/** Adjusted Rand index (Hubert & Arabie 1985). */
export const adjustedRand = (predicted: Labels, gold: Labels): number => {
  const items = [...gold.keys()].filter((item) => predicted.has(item));
  const cells = new Map<string, number>();
  const rows = new Map<string, number>();
  const cols = new Map<string, number>();
  for (const item of items) {
    const p = predicted.get(item)!;
    const g = gold.get(item)!;
    const cell = `${p}\u0000${g}`;
    cells.set(cell, (cells.get(cell) ?? 0) + 1);
    rows.set(p, (rows.get(p) ?? 0) + 1);
    cols.set(g, (cols.get(g) ?? 0) + 1);
  }
  const sum = (m: Map<string, number>) => [...m.values()].reduce((s, n) => s + choose2(n), 0);
  const index = sum(cells);
  const rowSum = sum(rows);
  const colSum = sum(cols);
  const expected = (rowSum * colSum) / (choose2(items.length) || 1);
  const max = (rowSum + colSum) / 2;
  return max === expected ? 1 : (index - expected) / (max - expected);
};

export interface GoldPair {
  a: string;
  b: string;
  same: boolean;
}

/** Pairwise precision/recall/F1: a pair is predicted "same" when both articles landed in one story. */
export const pairwise = (predicted: Labels, pairs: readonly GoldPair[]) => {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let scored = 0;
  for (const { a, b, same } of pairs) {
    if (!predicted.has(a) || !predicted.has(b)) continue;
    scored++;
    const together = predicted.get(a) === predicted.get(b);
    if (together && same) tp++;
    else if (together) fp++;
    else if (same) fn++;
  }
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  return { precision, recall, f1: f1(precision, recall), pairs: scored };
};
