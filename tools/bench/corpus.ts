import { existsSync, readFileSync } from 'fs';
import { join } from 'path';

export interface SourceArticle {
  title?: string;
  paragraphs: string[];
}

/** `../shared/data` beside the clone, where the team's data sets live (absent for users of the product). */
const SHARED_DATA = join(__dirname, '..', '..', '..', 'shared', 'data');
const SHARED = ['replay/news-2018-07.articles.ndjson', 'dev/ecbplus.articles.ndjson', 'dev/semeval-en.articles.ndjson', 'seeds/articles.ndjson'].map((f) => join(SHARED_DATA, f));
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
