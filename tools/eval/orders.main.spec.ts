import { spawnSync } from 'child_process';
import { join } from 'path';

const ROOT = join(__dirname, '..', '..');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'engine');
const ARTICLES = join(FIXTURES, 'ecbplus-sample.articles.ndjson');
const GOLD = join(FIXTURES, 'ecbplus-sample.gold.ndjson');

/** `npm run --silent eval:orders -- …` as a user runs it. */
const runOrders = (args: string[]) => {
  const run = spawnSync(process.execPath, ['-r', '@swc-node/register', join(ROOT, 'tools', 'eval', 'orders.main.ts'), ...args], { cwd: ROOT, encoding: 'utf8' });
  const lines = run.status === 0 ? run.stdout.trim().split('\n').map((l) => JSON.parse(l)) : [];
  return { status: run.status, stderr: run.stderr, lines };
};

const evalReport = () => {
  const run = spawnSync(
    process.execPath,
    ['-r', '@swc-node/register', join(ROOT, 'tools', 'eval', 'eval.main.ts'), '--articles', ARTICLES, '--assignments', '/dev/null', '--gold', GOLD],
    { cwd: ROOT, encoding: 'utf8' },
  );
  return JSON.parse(run.stdout);
};

describe('the eval:orders command', () => {
  it('scores the file as given exactly as eval does, then other arrival orders, then their spread', () => {
    const { status, lines } = runOrders(['--articles', ARTICLES, '--gold', GOLD, '--shuffles', '3', '--seed', '5']);
    expect(status).toBe(0);
    const [given, ...rest] = lines.slice(0, -1);
    const summary = lines[lines.length - 1];
    const { articles: _articles, ...expected } = evalReport();
    expect(given).toEqual({ order: 'as given', ...expected });
    expect(rest.map((r) => r.order)).toEqual(['reversed', 'story by story', 'shuffle 1', 'shuffle 2', 'shuffle 3']);
    const f1s = [given, ...rest].map((r) => r.bcubed.f1);
    expect(summary.orders).toBe(6);
    expect(summary.f1.mean).toBeCloseTo(f1s.reduce((s: number, x: number) => s + x, 0) / 6, 12);
    expect(summary.f1.min).toBe(Math.min(...f1s));
    expect(summary.f1.max).toBe(Math.max(...f1s));
    // Order matters to an online engine: the sample's orders do not all score alike.
    expect(summary.f1.sd).toBeGreaterThan(0);
  });

  it('refuses a count that is not a whole number, saying which flag and what it got', () => {
    const refused = runOrders(['--articles', ARTICLES, '--gold', GOLD, '--shuffles', 'many']);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('--shuffles must be a whole number, got "many"');
  });
});
