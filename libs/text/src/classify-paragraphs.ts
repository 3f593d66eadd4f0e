import { isEdgeChrome, keyOfWords } from './boilerplate';
import { paragraphs } from './segment';
import { tokenize } from './tokenize';
import { DEFAULT_TOPICAL_CUT, topicalCut, TopicalCutOptions } from './topical-cut';

/**
 * - `story`: the article's own text, used for matching.
 * - `chrome`: short page furniture at the edges (section labels, credits, "comments are closed").
 * - `repeated`: a paragraph the stream has seen across many sources (learned boilerplate).
 * - `appended`: trailing content on another topic (related stories, ads).
 */
export type ParagraphRole = 'story' | 'chrome' | 'repeated' | 'appended';

export interface ClassifiedParagraph {
  text: string;
  role: ParagraphRole;
  /** Tokenised once here: shingles, edge keys and matching all read these rather than re-tokenising the text. */
  words: string[];
  terms: string[];
  /** hash32 of each term, in `terms` order. */
  termHashes: number[];
  /** The paragraph's boilerplate key (`paragraphKey`). */
  key: number;
}

export interface ClassifyOptions {
  isRepeated: (key: number) => boolean;
  /** A term's weight, by its hash32. */
  weight: (termHash: number) => number;
  topicalCut?: TopicalCutOptions;
}

export const classifyParagraphs = (body: string, options: ClassifyOptions): ClassifiedParagraph[] => {
  const classified: ClassifiedParagraph[] = paragraphs(body).map((text) => {
    const { words, terms, termHashes } = tokenize(text);
    const key = keyOfWords(words);
    return { text, words, terms, termHashes, key, role: options.isRepeated(key) ? 'repeated' : 'story' };
  });
  const story = () => classified.filter((p) => p.role === 'story');
  for (const edge of [story(), story().reverse()]) {
    for (const paragraph of edge) {
      if (!isEdgeChrome(paragraph.words)) break;
      paragraph.role = 'chrome';
    }
  }
  const remaining = story();
  const cut = topicalCut(
    remaining,
    options.weight,
    options.topicalCut ?? DEFAULT_TOPICAL_CUT,
  );
  for (const paragraph of remaining.slice(cut)) paragraph.role = 'appended';
  return classified;
};
