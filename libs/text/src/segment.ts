import { normalizeText } from './normalize';

/**
 * Paragraphs as the scraper left them: blank-line separated when the text has blank lines, otherwise one per line.
 * Scrapers differ (Taipei Times uses single newlines, AP blank lines), so the choice is made per article.
 */
export const paragraphs = (body: string): string[] => {
  const text = normalizeText(body);
  const splitter = /\n[ \t]*\n/.test(text) ? /\n[ \t]*\n+/ : /\n+/;
  return text
    .split(splitter)
    .map((p) => collapseWhitespace(p).trim())
    .filter((p) => p.length > 0);
};

/** Whitespace other than a single space: what collapsing would change. */
const UNCOLLAPSED = /[^\S ]| {2}/;

/**
 * Every whitespace run as one space. Most paragraphs have nothing to collapse, and a test is much cheaper than a
 * replace that matches (and rebuilds the string at) every gap between words.
 */
const collapseWhitespace = (paragraph: string): string => (UNCOLLAPSED.test(paragraph) ? paragraph.replace(/\s+/g, ' ') : paragraph);

/** Sentence boundaries after terminal punctuation followed by a capital or a quote; abbreviations are kept intact. */
export const sentences = (paragraph: string): string[] =>
  paragraph
    .split(/(?<=[.!?]["')\]]?)\s+(?=["'(\[]?[\p{Lu}\p{N}])(?<!\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Sen|Rep|Gov|Lt|Col|Sgt|No|Sept|Jan|Feb|Aug|Oct|Nov|Dec|U\.S|U\.N)\.\s+)/u)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
