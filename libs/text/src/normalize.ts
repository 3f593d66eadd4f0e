const range = (from: number, to: number): string => String.fromCharCode(...Array.from({ length: to - from + 1 }, (_, i) => from + i));

/** Typographic variants, each with the one form it folds to. */
const FOLDS: ReadonlyArray<readonly [string, string]> = [
  ['\u2018\u2019\u201A\u201B\u2032\u0060\u00B4', "'"],
  ['\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB', '"'],
  [`${range(0x2010, 0x2015)}\u2212`, '-'],
  [`\u00A0${range(0x2000, 0x200b)}\u202F\u205F\u3000`, ' '],
];
const FOLDED = new Map(FOLDS.flatMap(([variants, folded]) => [...variants].map((variant) => [variant, folded] as const)));
const unicodeEscape = (char: string): string => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
/**
 * Every variant and every CR or CRLF, in one pass over the text: five replaces scanned each article five times,
 * though half the articles have nothing to fold. The folded forms are not variants, so one pass folds the same.
 */
const FOLDABLE = new RegExp(`[${[...FOLDED.keys()].map(unicodeEscape).join('')}]|\\r\\n?`, 'g');

/** Folds the typographic variety of scraped news (curly quotes, dashes, ligatures, full-width forms) to one form. */
export const normalizeText = (text: string): string => text.normalize('NFKC').replace(FOLDABLE, (match) => FOLDED.get(match) ?? '\n');

/** British spellings mapped to the American form, so a Reuters and an AP copy share their terms. */
const SPELLING_RULES: ReadonlyArray<readonly [RegExp, string]> = [
  [/^(defen|offen|licen|preten)ce(s?)$/, '$1se$2'],
  [/^(.{3,})isation(s?)$/, '$1ization$2'],
  [/^(.{3,})is(e|ed|es|ing)$/, '$1iz$2'],
  [/^(colo|favo|hono|labo|neighbo|behavio|armo|harbo|rumo|vigo|endeavo)ur(s|ed|ing|ite|ites)?$/, '$1r$2'],
  [/^(cent|theat|met|lit|fib)re(s?)$/, '$1er$2'],
  [/^programme(s?)$/, 'program$1'],
];

export const americanSpelling = (word: string): string => {
  for (const [pattern, replacement] of SPELLING_RULES) {
    if (pattern.test(word)) return word.replace(pattern, replacement);
  }
  return word;
};
