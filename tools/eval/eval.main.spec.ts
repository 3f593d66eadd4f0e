import { spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

const ROOT = join(__dirname, '..', '..');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'engine');

/** The eval command as `npm run --silent eval -- …` runs it, with extra environment. */
const runEval = (env: Record<string, string>, gold = join(FIXTURES, 'ecbplus-sample.gold.ndjson')) => {
  const assignments = join(mkdtempSync(join(tmpdir(), 'eval-')), 'assignments.ndjson');
  const args = ['--articles', join(FIXTURES, 'ecbplus-sample.articles.ndjson'), '--assignments', assignments, '--gold', gold];
  const run = spawnSync(process.execPath, ['-r', '@swc-node/register', join(ROOT, 'tools', 'eval', 'eval.main.ts'), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  const lines = run.status === 0 ? readFileSync(assignments, 'utf8').trim().split('\n') : [];
  return { status: run.status, stderr: run.stderr, report: run.status === 0 ? JSON.parse(run.stdout) : undefined, lines };
};

describe('the eval command', () => {
  it('scores the dedup engine with the settings the environment gives dedup', () => {
    const byDefault = runEval({});
    const strict = runEval({ STORY_JOIN_SCORE: '0.45' });
    expect(byDefault.status).toBe(0);
    expect(byDefault.lines).toHaveLength(60);
    expect(byDefault.report.bcubed.items).toBe(60);
    // A higher bar for joining splits the sample's events into more stories: no less precise, less complete.
    expect(strict.report.stories).toBeGreaterThan(byDefault.report.stories);
    expect(strict.report.bcubed.precision).toBeGreaterThanOrEqual(byDefault.report.bcubed.precision);
    expect(strict.report.bcubed.recall).toBeLessThan(byDefault.report.bcubed.recall);
  });

  it('scores pair gold (SemEval style) as pairwise precision and recall over the pairs it names', () => {
    const clusters = readFileSync(join(FIXTURES, 'ecbplus-sample.gold.ndjson'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string; story: string });
    // Every fifth pair of the sample, same-event or not: a gold of labelled pairs rather than clusters.
    const pairs = clusters.flatMap((a, i) => clusters.slice(i + 1).map((b) => ({ a: a.id, b: b.id, same: a.story === b.story }))).filter((_, i) => i % 5 === 0);
    const goldFile = join(mkdtempSync(join(tmpdir(), 'eval-pairs-')), 'pairs.ndjson');
    writeFileSync(goldFile, pairs.map((p) => JSON.stringify(p)).join('\n') + '\n');

    const run = runEval({}, goldFile);
    expect(run.status).toBe(0);
    const story = new Map(run.lines.map((l) => JSON.parse(l) as { id: string; story: string }).map((r) => [r.id, r.story]));
    const together = (p: (typeof pairs)[number]) => story.get(p.a) === story.get(p.b);
    const tp = pairs.filter((p) => p.same && together(p)).length;
    const precision = tp / pairs.filter(together).length;
    const recall = tp / pairs.filter((p) => p.same).length;
    expect(pairs.some((p) => p.same) && pairs.some((p) => !p.same)).toBe(true);
    expect(run.report).toEqual({ precision, recall, f1: (2 * precision * recall) / (precision + recall), pairs: pairs.length, articles: 60, stories: new Set(story.values()).size });
  });

  it("parses articles with dedup's body limit, MAX_BODY_BYTES", () => {
    const strict = runEval({ MAX_BODY_BYTES: '2048' });
    expect(strict.status).toBe(0);
    const refused = strict.stderr.split('\n').filter((l) => /^line \d+ rejected: body: is larger than 2048 bytes/.test(l));
    expect(refused.length).toBeGreaterThan(0);
    expect(strict.lines).toHaveLength(60 - refused.length);
  });

  it('refuses a bad setting with the rule it broke, before reading any article', () => {
    const refused = runEval({ STORY_JOIN_SCORE: 'loose' });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('STORY_JOIN_SCORE must be a decimal number between 0.05 and 0.5 (got "loose")');
  });
});
