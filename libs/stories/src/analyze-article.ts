import { Article, Fingerprint } from '@app/contracts';
import { hash32, heaviest, minhashSignature, shingles, tfidfVector } from '@app/matching';
import { ClassifiedParagraph, classifyParagraphs, entities, paragraphKey, terms, words } from '@app/text';
import { StoryState } from './story-state';

const MATURE_IDF_DOCUMENTS = 50;

/** Paragraphs this close to either end are where scrapers leave boilerplate. */
const EDGE_PARAGRAPHS = { leading: 2, trailing: 3, maxWords: 60 };

export interface AnalyzedArticle {
  paragraphs: ClassifiedParagraph[];
  /** Unit TF-IDF vector of the story paragraphs and title. */
  vector: Map<number, number>;
  signature: number[];
  shingles: number;
  /** Distinct entity hashes, heaviest first. */
  entities: number[];
  fingerprint: Fingerprint;
}

const edgeKeys = (paragraphs: readonly string[]): number[] => {
  const { leading, trailing, maxWords } = EDGE_PARAGRAPHS;
  const edges = paragraphs.length <= leading + trailing ? paragraphs : [...paragraphs.slice(0, leading), ...paragraphs.slice(-trailing)];
  return [...new Set(edges.filter((p) => words(p).length <= maxWords).map((p) => hash32(paragraphKey(p))))];
};

const countTerms = (texts: readonly string[]): Map<number, number> => {
  const counts = new Map<number, number>();
  for (const text of texts) {
    for (const term of terms(text)) {
      const hash = hash32(term);
      counts.set(hash, (counts.get(hash) ?? 0) + 1);
    }
  }
  return counts;
};

/** Turns an article into what matching needs, using what the stream has learned so far (IDF, boilerplate). */
export const analyzeArticle = (article: Article, state: StoryState, time: number): AnalyzedArticle => {
  const idf = (term: number) => state.frequencies.idf(term);
  const paragraphs = classifyParagraphs(article.body, {
    isRepeated: (key) => (state.edgeParagraphs.get(hash32(key))?.stories ?? 0) >= state.config.boilerplateStories,
    // Until the stream has seen enough articles, IDF is noise and a flat weight finds the lead's topic better.
    weight: state.frequencies.documents < MATURE_IDF_DOCUMENTS ? () => 1 : (term) => idf(hash32(term)),
  });
  const story = paragraphs.filter((p) => p.role === 'story').map((p) => p.text);
  const storyOrAll = story.length > 0 ? story : paragraphs.map((p) => p.text);
  const titled = article.title ? [article.title, ...storyOrAll] : storyOrAll;
  const counts = countTerms(titled);
  const vector = tfidfVector(counts, idf);
  const shingleSet = shingles(words(storyOrAll.join('\n')));
  const entityWeights = new Map<number, number>();
  for (const entity of entities(titled.join('\n'))) entityWeights.set(hash32(entity), idf(hash32(entity)));
  const fingerprint: Fingerprint = {
    terms: [...counts.entries()].sort((a, b) => a[0] - b[0]),
    edges: edgeKeys(paragraphs.map((p) => p.text)),
    minhash: minhashSignature(shingleSet),
    shingles: shingleSet.size,
    entities: heaviest(entityWeights, state.config.entities).map(([hash]) => hash),
    time,
  };
  return {
    paragraphs,
    vector,
    signature: fingerprint.minhash,
    shingles: fingerprint.shingles,
    entities: fingerprint.entities,
    fingerprint,
  };
};
