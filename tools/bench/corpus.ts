import { existsSync, readFileSync } from 'fs';
import { join } from 'path';

export interface SourceArticle {
  title?: string;
  paragraphs: string[];
}

const SHARED = ['/work/shared/data/replay/news-2018-07.articles.ndjson', '/work/shared/data/dev/ecbplus.articles.ndjson', '/work/shared/data/dev/semeval-en.articles.ndjson', '/work/shared/data/seeds/articles.ndjson'];
const FIXTURES = ['ecbplus-warmup.articles.ndjson', 'ecbplus-sample.articles.ndjson', 'seeds.articles.ndjson'].map((f) => join(__dirname, '../../test/fixtures/engine', f));

/** Real texts to mutate: the shared data sets when this machine has them, else the project's own fixtures. */
export const loadCorpus = (): { sources: SourceArticle[]; files: string[] } => {
  const shared = SHARED.filter((f) => existsSync(f));
  const files = shared.length > 0 ? shared : FIXTURES;
  const sources: SourceArticle[] = [];
  for (const file of files) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const { title, body } = JSON.parse(line) as { title?: string; body: string };
      const paragraphs = body.split(/\n\s*\n|\n/).map((p) => p.trim()).filter((p) => p.length > 0);
      if (paragraphs.length > 0) sources.push({ ...(title ? { title } : {}), paragraphs });
    }
  }
  return { sources, files };
};
