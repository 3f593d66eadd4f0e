import { spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

const ROOT = join(__dirname, '..', '..');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'engine');

/** The explain command as `npm run --silent explain -- …` runs it. */
const explain = (articles: string, id: string) =>
  spawnSync(process.execPath, ['-r', '@swc-node/register', join(ROOT, 'tools', 'eval', 'explain.main.ts'), '--articles', articles, '--id', id], {
    cwd: ROOT,
    encoding: 'utf8',
  });

describe('the explain command', () => {
  // The seeds after the ECB+ warm-up, as the engine tests stream them: IDF has something to learn from.
  const stream = join(mkdtempSync(join(tmpdir(), 'explain-')), 'stream.ndjson');
  writeFileSync(stream, ['ecbplus-warmup.articles.ndjson', 'seeds.articles.ndjson'].map((f) => readFileSync(join(FIXTURES, f), 'utf8').trim()).join('\n') + '\n');

  it('shows the candidates and scores, the paragraphs set aside, and the shared passages behind a decision', () => {
    const run = explain(stream, 'seed-004');
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as {
      decision: { relation: string };
      candidates: { closestArticle: string; score: number; containment: number }[];
      paragraphs: { role: string; text: string }[];
      events: { relation: string; sharedPassages: { passage: string; matchedIn: string }[] }[];
    };
    expect(report.decision.relation).toBe('syndicated');
    expect(report.candidates[0]).toMatchObject({ closestArticle: 'seed-000' });
    expect(report.candidates[0].containment).toBeGreaterThan(0.15);
    expect(report.paragraphs.slice(-4).map((p) => p.role)).toEqual(['appended', 'appended', 'appended', 'appended']);
    expect(report.paragraphs[report.paragraphs.length - 2].text.startsWith('CHIP EXCEPTION:')).toBe(true);
    expect(report.events[0].relation).toBe('syndicated');
    expect(report.events[0].sharedPassages.length).toBeGreaterThan(0);
    expect(report.events[0].sharedPassages[0].matchedIn).toBe('seed-000');
  });

  it('says so when the article is not in the file', () => {
    const run = explain(stream, 'no-such-article');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('article no-such-article is not in');
  });
});
