import { spawnSync } from 'child_process';
import { mkdtempSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

const ROOT = join(__dirname, '..', '..');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'engine');

/** The eval command as `npm run --silent eval -- …` runs it, with extra environment. */
const runEval = (env: Record<string, string>) => {
  const assignments = join(mkdtempSync(join(tmpdir(), 'eval-')), 'assignments.ndjson');
  const args = ['--articles', join(FIXTURES, 'ecbplus-sample.articles.ndjson'), '--assignments', assignments, '--gold', join(FIXTURES, 'ecbplus-sample.gold.ndjson')];
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

  it('refuses a bad setting with the rule it broke, before reading any article', () => {
    const refused = runEval({ STORY_JOIN_SCORE: 'loose' });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('STORY_JOIN_SCORE must be a decimal number between 0.05 and 0.5 (got "loose")');
  });
});
