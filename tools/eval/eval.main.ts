import { writeFileSync } from 'fs';
import { parseArgs } from 'util';
import { decisionSettingsFromEnv } from '../../apps/dedup/src/config/engine-settings';
import { readGold, scoreAgainst } from './gold';
import { readNumberedLines } from './ndjson';
import { progressBar } from './progress';
import { runEngine } from './run-engine';

const usage = 'usage: npm run --silent eval -- --articles <file.ndjson> --assignments <out.ndjson> [--gold <gold.ndjson>]';

const main = (): void => {
  const { values } = parseArgs({ options: { articles: { type: 'string' }, assignments: { type: 'string' }, gold: { type: 'string' } } });
  if (!values.articles || !values.assignments) throw new Error(usage);
  const lines = readNumberedLines(values.articles);
  const bar = progressBar(lines.length);
  let done = 0;
  const { engine, maxBodyBytes } = decisionSettingsFromEnv();
  const run = runEngine(lines, engine, () => bar.tick(++done), maxBodyBytes);
  bar.done();
  for (const { line, reason } of run.rejected) process.stderr.write(`line ${line} rejected: ${reason}\n`);
  const predicted = new Map(run.assignments.entries());
  writeFileSync(values.assignments, run.order.map((id) => JSON.stringify({ id, story: predicted.get(id) })).join('\n') + '\n');
  if (!values.gold) return;
  const stories = new Set(predicted.values()).size;
  console.log(JSON.stringify({ ...scoreAgainst(readGold(values.gold), predicted), articles: run.order.length, stories }));
};

try {
  main();
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(2);
}
