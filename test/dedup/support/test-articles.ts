import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Article } from '@app/contracts';
import { type SourceArticle } from '../../../tools/bench/corpus';
import { prng, Synthesizer } from '../../../tools/bench/synthesize';

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'engine');

/** The project's own real texts (CC BY ECB+ sample and warm-up, the five seeds) as material to mutate. */
const fixtureSources = (): SourceArticle[] =>
  ['ecbplus-warmup.articles.ndjson', 'ecbplus-sample.articles.ndjson', 'seeds.articles.ndjson'].flatMap((file) =>
    readFileSync(join(FIXTURES, file), 'utf8')
      .split('\n')
      .filter((line) => line.trim())
      .map((line) => {
        const { title, body } = JSON.parse(line) as { title?: string; body: string };
        return { ...(title ? { title } : {}), paragraphs: body.split(/\n\s*\n|\n/).map((p) => p.trim()).filter(Boolean) };
      }),
  );

/**
 * A feed shaped like a newsroom's: wire copies with datelines and bylines, trims, retitles, rewrites with other
 * names and numbers, mixtures, and one in ten an exact copy of an earlier article under a new id. Deterministic
 * for a seed; every article has a publication time, one second apart, so event time never depends on the broker.
 */
export const syntheticFeed = (count: number, seed: number, prefix: string): Article[] => {
  const synthesizer = new Synthesizer(fixtureSources(), seed);
  const random = prng(seed ^ 0x5bd1e995);
  const start = Date.UTC(2024, 2, 1);
  const feed: Article[] = [];
  for (let i = 0; i < count; i++) {
    const id = `${prefix}-${String(i).padStart(5, '0')}`;
    const publishedAt = new Date(start + i * 1000).toISOString();
    const copyOf = i > 0 && random() < 0.1 ? feed[Math.floor(random() * feed.length)] : undefined;
    feed.push(copyOf ? { ...copyOf, id, publishedAt } : synthesizer.next(id, publishedAt));
  }
  return feed;
};
