import { normalizeText } from './normalize';
import { cachedStem } from './stem';
import { isStopword } from './stopwords';
import { wordCharAt } from './word-chars';

const CAPITALISED = /^\p{Lu}/u;
const NUMBER = /^\d[\d,.]*$/;
const WHITESPACE = /\s/;
// Calendar words are capitalised but name no one: every story has a month.
const CALENDAR = new Set(
  'january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec'.split(' '),
);

const APOSTROPHE = 39;
const DOT = 46;
const HYPHEN = 45;
const COMMA = 44;
const NEWLINE = 10;
/** Punctuation that ends a sentence when whitespace follows it. */
const SENTENCE_END = new Set(['.', '!', '?', ':', '"'].map((c) => c.charCodeAt(0)));

const isAsciiDigit = (code: number): boolean => code >= 48 && code <= 57;
const isCapitalised = (token: string): boolean => {
  const code = token.charCodeAt(0);
  return code < 128 ? code >= 65 && code <= 90 : CAPITALISED.test(token);
};

interface Token {
  text: string;
  /** The first token of its sentence. */
  opens: boolean;
}

/**
 * Tokens are runs of letters and digits joined by an apostrophe, a dot or a hyphen ("Jong-un", "U.S"), or by a
 * comma between digits (a thousands separator: "1,200" is one number, not "1" and "200"). A sentence ends at a
 * newline, or at whitespace after . ! ? : or a closing quote. One hand scanner over char codes: this runs on every
 * article's whole text.
 */
const tokensOf = (text: string): Token[] => {
  const tokens: Token[] = [];
  const n = text.length;
  let sentenceEnded = true;
  let i = 0;
  while (i < n) {
    let width = wordCharAt(text, i);
    if (width === 0) {
      const code = text.charCodeAt(i);
      if (code === NEWLINE || (i > 0 && SENTENCE_END.has(text.charCodeAt(i - 1)) && WHITESPACE.test(text[i]))) sentenceEnded = true;
      i++;
      continue;
    }
    const start = i;
    i += width;
    for (;;) {
      while ((width = wordCharAt(text, i)) > 0) i += width;
      const joiner = text.charCodeAt(i);
      const joins =
        joiner === APOSTROPHE || joiner === DOT || joiner === HYPHEN
          ? wordCharAt(text, i + 1) > 0
          : joiner === COMMA && isAsciiDigit(text.charCodeAt(i - 1)) && isAsciiDigit(text.charCodeAt(i + 1));
      if (!joins) break;
      i++;
    }
    tokens.push({ text: text.slice(start, i), opens: sentenceEnded });
    sentenceEnded = false;
  }
  return tokens;
};

/**
 * Names and numbers: the tokens that tell one earthquake or one rehab check-in from another of the same kind.
 * A capitalised word counts when it does not open a sentence, or when it opens one and the next word is
 * capitalised too ("North Korea said…"). Numbers count from two digits, so list markers and "one" do not.
 */
export const entities = (text: string): string[] => normalizedEntities(normalizeText(text));

/** `entities` of text that is already normalised (paragraphs are), so the normalisation is not paid twice. */
export const normalizedEntities = (normalized: string): string[] => {
  const out: string[] = [];
  const tokens = tokensOf(normalized);
  tokens.forEach(({ text: token, opens }, i) => {
    // The digit check first: most tokens are words, and it spares them the regex.
    if (isAsciiDigit(token.charCodeAt(0)) && NUMBER.test(token)) {
      // Two-digit numbers are clock times, ages and scores that every story of a kind has; years, counts,
      // amounts and measured values ("7.1") tell one event from another.
      const number = token.replace(/,/g, '');
      if (number.replace('.', '').length >= 3 || number.includes('.')) out.push(`#${number}`);
      return;
    }
    if (!isCapitalised(token)) return;
    const lowered = token.toLowerCase();
    const lower = lowered.includes("'") || lowered.includes('.') ? lowered.replace(/'s$/, '').replace(/['.]/g, '') : lowered;
    if (lower.length < 2 || isStopword(lower) || CALENDAR.has(lower)) return;
    const next = tokens[i + 1];
    if (opens && !(next !== undefined && !next.opens && isCapitalised(next.text))) return;
    out.push(cachedStem(lower));
  });
  return out;
};
