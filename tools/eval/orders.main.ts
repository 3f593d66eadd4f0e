import { parseArgs } from 'util';
import { decisionSettingsFromEnv } from '../../apps/dedup/src/config/engine-settings';
import { arrivalOrders } from './arrival-orders';
import { Gold, readGold, scoreAgainst } from './gold';
import { readNumberedLines } from './ndjson';
import { progressBar } from './progress';
import { runEngine } from './run-engine';

const usage = 'usage: npm run --silent eval:orders -- --articles <file.ndjson> --gold <gold.ndjson> [--shuffles 8] [--seed 1]';

const count = (value: string | undefined, fallback: number, name: string): number => {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number, got ${JSON.stringify(value)}\n${usage}`);
  return n;
};

const idOf = (line: string): string | undefined => {
  try {
    const id = (JSON.parse(line) as { id?: unknown }).id;
    return typeof id === 'string' ? id : undefined;
  } catch {
    return undefined;
  }
};

const goldStoryOf = (gold: Gold) =>
  gold.kind === 'clusters' ? ({ line }: { line: string }) => gold.labels.get(idOf(line) ?? '') : undefined;

/**
 * The eval command's score over many arrival orders of the same file: the engine decides online, so one order is one
 * draw. Prints a JSON line per order, then their spread. Same engine settings as `eval` (dedup's environment).
 */
const main = (): void => {
  const { values } = parseArgs({ options: { articles: { type: 'string' }, gold: { type: 'string' }, shuffles: { type: 'string' }, seed: { type: 'string' } } });
  if (!values.articles || !values.gold) throw new Error(usage);
  const gold = readGold(values.gold);
  const orders = arrivalOrders(readNumberedLines(values.articles), count(values.shuffles, 8, 'shuffles'), count(values.seed, 1, 'seed'), goldStoryOf(gold));
  const { engine, maxBodyBytes } = decisionSettingsFromEnv();
  const bar = progressBar(orders.reduce((sum, o) => sum + o.items.length, 0));
  const f1s: number[] = [];
  let done = 0;
  const reports = orders.map(({ name, items }) => {
    const run = runEngine(items, engine, () => bar.tick(++done), maxBodyBytes);
    const predicted = new Map(run.assignments.entries());
    const scores = scoreAgainst(gold, predicted);
    f1s.push('bcubed' in scores ? scores.bcubed.f1 : scores.f1);
    return { order: name, ...scores, stories: new Set(predicted.values()).size };
  });
  bar.done();
  for (const report of reports) console.log(JSON.stringify(report));
  const mean = f1s.reduce((s, x) => s + x, 0) / f1s.length;
  const sd = Math.sqrt(f1s.reduce((s, x) => s + (x - mean) ** 2, 0) / f1s.length);
  console.log(JSON.stringify({ orders: f1s.length, f1: { mean, sd, min: Math.min(...f1s), max: Math.max(...f1s) } }));
};

try {
  main();
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(2);
}
