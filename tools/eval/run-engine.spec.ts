import { readFileSync } from 'fs';
import { join } from 'path';
import { adjustedRand, bcubed } from './metrics';
import { runEngine } from './run-engine';

const fixture = (name: string) => readFileSync(join(__dirname, '../../test/fixtures/engine', name), 'utf8').split('\n').filter((l) => l.trim());

describe('runEngine scored against ECB+ gold', () => {
  const warmup = fixture('ecbplus-warmup.articles.ndjson');
  const sample = fixture('ecbplus-sample.articles.ndjson');
  const gold = new Map(fixture('ecbplus-sample.gold.ndjson').map((l) => JSON.parse(l) as { id: string; story: string }).map((g) => [g.id, g.story]));
  const run = runEngine([...warmup, ...sample, 'not json'].map((line, i) => ({ line, number: i + 1 })));
  const predicted = new Map(run.assignments.entries());

  it('assigns every accepted article and reports the rejected line', () => {
    expect(run.order).toHaveLength(warmup.length + sample.length);
    expect(run.rejected).toEqual([{ line: warmup.length + sample.length + 1, reason: expect.stringContaining('not valid JSON') }]);
    expect([...gold.keys()].every((id) => predicted.has(id))).toBe(true);
  });

  it('beats both trivial clusterings (all in one, each alone) on B-cubed F1 and ARI', () => {
    const allInOne = new Map([...gold.keys()].map((id) => [id, 'one']));
    const alone = new Map([...gold.keys()].map((id) => [id, id]));
    const f1 = bcubed(predicted, gold).f1;
    expect(f1).toBeGreaterThan(bcubed(allInOne, gold).f1);
    expect(f1).toBeGreaterThan(bcubed(alone, gold).f1);
    expect(adjustedRand(predicted, gold)).toBeGreaterThan(adjustedRand(alone, gold));
  });
});
