import { Article, Fingerprint, SET_ASIDE_PARAGRAPHS, SET_ASIDE_TEXT_CHARS, SetAsideParagraph, textStart } from '@app/contracts';
import { hash32, heaviest, minhashSignature, shingles, tfidfVector, TermVector, tfWeight } from '@app/matching';
import { ClassifiedParagraph, classifyParagraphs, latestYearNamed, normalizedEntities, normalizeText, tokenize, weekdaysNamed } from '@app/text';
import { edgeStoryCount, StoryState } from './story-state';

const MATURE_IDF_DOCUMENTS = 50;

/** Paragraphs this close to either end are where scrapers leave boilerplate. */
const EDGE_PARAGRAPHS = { leading: 2, trailing: 3, maxWords: 60 };

export interface AnalyzedArticle {
  paragraphs: ClassifiedParagraph[];
  /** Unit TF-IDF vector of the story paragraphs and title, its terms in order of first use. */
  vector: TermVector;
  /** How often the article uses each of `vector.terms`. */
  counts: number[];
  signature: number[];
  shingles: number;
  /** Distinct entity hashes, most salient first (the ones the fingerprint keeps). */
  entities: number[];
  /** Every entity the article names, weighted by salience: how often it names it, times how rare the name is; in
   * order of first mention. */
  entitySalience: TermVector;
  fingerprint: Fingerprint;
}

const edgeKeys = (paragraphs: readonly ClassifiedParagraph[]): number[] => {
  const { leading, trailing, maxWords } = EDGE_PARAGRAPHS;
  const edges = paragraphs.length <= leading + trailing ? paragraphs : [...paragraphs.slice(0, leading), ...paragraphs.slice(-trailing)];
  return [...new Set(edges.filter((p) => p.words.length <= maxWords).map((p) => p.key))];
};

interface Counted {
  /** Distinct hashes in order of first use, and how often each occurs. */
  terms: number[];
  counts: number[];
  positionOf: Map<number, number>;
}

const countHashes = (hashLists: readonly (readonly number[])[]): Counted => {
  const counted: Counted = { terms: [], counts: [], positionOf: new Map() };
  for (const list of hashLists) {
    for (const hash of list) {
      const at = counted.positionOf.get(hash);
      if (at !== undefined) counted.counts[at]++;
      else {
        counted.positionOf.set(hash, counted.terms.length);
        counted.terms.push(hash);
        counted.counts.push(1);
      }
    }
  }
  return counted;
};

/** All the words of the paragraphs in order. A push loop: Array.prototype.flatMap is several times slower in V8. */
const wordsOf = (paragraphs: readonly ClassifiedParagraph[]): string[] => {
  const all: string[] = [];
  for (const paragraph of paragraphs) for (const word of paragraph.words) all.push(word);
  return all;
};

/** [term, count] pairs in ascending term order. Term hashes are distinct, so a numeric sort of the hashes alone
 * gives the order; plain loops, since Uint32Array.from(iterator) and Array.from(typed, fn) are slow paths. */
const sortedTermCounts = ({ terms, counts, positionOf }: Counted): [number, number][] => {
  const keys = new Uint32Array(terms.length);
  for (let i = 0; i < terms.length; i++) keys[i] = terms[i];
  keys.sort();
  const pairs: [number, number][] = new Array(keys.length);
  for (let k = 0; k < keys.length; k++) pairs[k] = [keys[k], counts[positionOf.get(keys[k])!]];
  return pairs;
};

/** The article's own publication time, epoch milliseconds, when it carries one. */
export const publishedTime = (article: Article): number | undefined => {
  const published = article.publishedAt === undefined ? Number.NaN : Date.parse(article.publishedAt);
  return Number.isFinite(published) ? published : undefined;
};

/**
 * A publication time places an article; without one (archives, scrapes), what its story text names does: the latest
 * year, and the days of the week its event happened on.
 */
const placeInTime = (fingerprint: Fingerprint, article: Article, storyText: string): void => {
  const published = publishedTime(article);
  if (published !== undefined) {
    fingerprint.year = new Date(published).getUTCFullYear();
    return;
  }
  const year = latestYearNamed(storyText);
  if (year !== undefined) fingerprint.year = year;
  const weekdays = weekdaysNamed(storyText);
  if (weekdays.length > 0) fingerprint.weekdays = weekdays;
};

/** The paragraphs matching did not read: all but the story paragraphs, unless there were none (matching then reads
 * every paragraph, so nothing was set aside). The first of them, each cut to its start: see the contract's limits. */
export const setAsideParagraphs = (paragraphs: readonly ClassifiedParagraph[]): SetAsideParagraph[] => {
  if (!paragraphs.some((p) => p.role === 'story')) return [];
  const setAside: SetAsideParagraph[] = [];
  for (let paragraph = 0; paragraph < paragraphs.length && setAside.length < SET_ASIDE_PARAGRAPHS; paragraph++) {
    const { role, text } = paragraphs[paragraph];
    if (role !== 'story') setAside.push({ paragraph, role, text: textStart(text, SET_ASIDE_TEXT_CHARS), length: text.length });
  }
  return setAside;
};

/** Turns an article into what matching needs, using what the stream has learned so far (IDF, boilerplate). */
export const analyzeArticle = (article: Article, state: StoryState, time: number): AnalyzedArticle => {
  const idf = (term: number) => state.frequencies.idf(term);
  const paragraphs = classifyParagraphs(article.body, {
    isRepeated: (key) => {
      const seen = state.edgeParagraphs.get(key);
      return seen !== undefined && edgeStoryCount(seen) >= state.config.boilerplateStories;
    },
    // Until the stream has seen enough articles, IDF is noise and a flat weight finds the lead's topic better.
    weight: state.frequencies.documents < MATURE_IDF_DOCUMENTS ? () => 1 : idf,
  });
  const story = paragraphs.filter((p) => p.role === 'story');
  const storyOrAll = story.length > 0 ? story : paragraphs;
  // Paragraph texts come normalised from classifyParagraphs; only the title still needs it, once.
  const title = article.title ? normalizeText(article.title) : undefined;
  const storyTerms = storyOrAll.map((p) => p.termHashes);
  const counted = countHashes(title !== undefined ? [tokenize(title).termHashes, ...storyTerms] : storyTerms);
  const vector = tfidfVector(counted.terms, counted.counts, idf);
  const texts = storyOrAll.map((p) => p.text);
  const titled = title !== undefined ? [title, ...texts] : texts;
  const shingleHashes = shingles(wordsOf(storyOrAll));
  const text = titled.join('\n');
  const named = countHashes([normalizedEntities(text).map(hash32)]);
  const entitySalience: TermVector = { terms: named.terms, weights: named.terms.map((hash, i) => tfWeight(named.counts[i]) * idf(hash)) };
  const fingerprint: Fingerprint = {
    terms: sortedTermCounts(counted),
    edges: edgeKeys(paragraphs),
    minhash: minhashSignature(shingleHashes),
    shingles: shingleHashes.length,
    entities: heaviest(entitySalience.terms, entitySalience.weights, state.config.entities).map((at) => entitySalience.terms[at]),
    time,
  };
  placeInTime(fingerprint, article, text);
  return {
    paragraphs,
    vector,
    counts: counted.counts,
    signature: fingerprint.minhash,
    shingles: fingerprint.shingles,
    entities: fingerprint.entities,
    entitySalience,
    fingerprint,
  };
};
