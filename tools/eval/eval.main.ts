import { readFileSync, writeFileSync } from 'fs';
import { parseArgs } from 'util';
import { decisionSettingsFromEnv } from '../../apps/dedup/src/config/engine-settings';
import { adjustedRand, bcubed, GoldPair, pairwise } from './metrics';
import { progressBar } from './progress';
import { runEngine } from './run-engine';

const usage = 'usage: npm run --silent eval -- --articles <file.ndjson> --assignments <out.ndjson> [--gold <gold.ndjson>]';

const main = (): void => {
  const { values } = parseArgs({ options: { articles: { type: 'string' }, assignments: { type: 'string' }, gold: { type: 'string' } } });
  if (!values.articles || !values.assignments) throw new Error(usage);
  const lines = readFileSync(values.articles, 'utf8')
    .split('\n')
    .map((line, i) => ({ line, number: i + 1 }))
    .filter(({ line }) => line.trim().length > 0);
  const bar = progressBar(lines.length);
  let done = 0;
  const { engine, maxBodyBytes } = decisionSettingsFromEnv();
  const run = runEngine(lines, engine, () => bar.tick(++done), maxBodyBytes);
  bar.done();
  for (const { line, reason } of run.rejected) process.stderr.write(`line ${line} rejected: ${reason}\n`);
  const predicted = new Map(run.assignments.entries());
  writeFileSync(values.assignments, run.order.map((id) => JSON.stringify({ id, story: predicted.get(id) })).join('\n') + '\n');
  if (!values.gold) return;
  const gold = readFileSync(values.gold, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { id?: string; story?: string } & Partial<GoldPair>);
  if (gold.length > 0 && gold[0].a !== undefined) {
    console.log(JSON.stringify({ ...pairwise(predicted, gold as GoldPair[]), articles: run.order.length, stories: new Set(predicted.values()).size }));
  } else {
    const labels = new Map(gold.map((g) => [g.id!, g.story!]));
    console.log(
      JSON.stringify({ bcubed: bcubed(predicted, labels), ari: adjustedRand(predicted, labels), articles: run.order.length, stories: new Set(predicted.values()).size }),
    );
  }
};

try {
  main();
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(2);
}
