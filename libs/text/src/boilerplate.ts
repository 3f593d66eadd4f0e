import { hashOfWords, words } from './tokenize';

/**
 * Page chrome that scrapers keep at the edges of an article: section labels, photo credits, "comments are closed",
 * "click here". It is recognised by shape, not by phrase: a very short paragraph in the leading or trailing run.
 */
export const CHROME_MAX_WORDS = 6;

export const isEdgeChrome = (paragraphWords: readonly string[]): boolean => paragraphWords.length <= CHROME_MAX_WORDS;

/**
 * The key under which the stream learns repeated paragraphs (signatures, disclaimers, newsletter pitches): the hash32
 * of the paragraph's words joined by spaces, which is what the engine's state and snapshots hold.
 */
export const keyOfWords = (paragraphWords: readonly string[]): number => hashOfWords(paragraphWords);

export const paragraphKey = (paragraph: string): number => keyOfWords(words(paragraph));
