/** Folds the typographic variety of scraped news (curly quotes, dashes, ligatures, full-width forms) to one form. */
export const normalizeText = (text: string): string =>
  text
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201A\u201B\u2032\u0060\u00B4]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\u00A0\u2000-\u200B\u202F\u205F\u3000]/g, ' ')
    .replace(/\r\n?/g, '\n');

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
