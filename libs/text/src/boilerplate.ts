import { words } from './tokenize';

/**
 * Page chrome that scrapers keep at the edges of an article: section labels, photo credits, "comments are closed",
 * "click here". It is recognised by shape, not by phrase: a very short paragraph in the leading or trailing run.
 */
export const CHROME_MAX_WORDS = 6;

export const isEdgeChrome = (paragraph: string): boolean => words(paragraph).length <= CHROME_MAX_WORDS;

/** The key under which the stream learns repeated paragraphs (signatures, disclaimers, newsletter pitches). */
export const paragraphKey = (paragraph: string): string => words(paragraph).join(' ');
