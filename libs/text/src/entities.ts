import { normalizeText } from './normalize';
import { dropPossessiveAndDots, termOfWord } from './tokenize';
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
const asciiTable = (chars: string): Uint8Array => Uint8Array.from({ length: 128 }, (_, code) => (chars.includes(String.fromCharCode(code)) ? 1 : 0));
/** Punctuation that ends a sentence when whitespace follows it. */
const SENTENCE_END = asciiTable('.!?:"');
const ASCII_WHITESPACE = asciiTable(' \t\n\v\f\r');

const isAsciiDigit = (code: number): boolean => code >= 48 && code <= 57;
const isWhitespaceAt = (text: string, i: number): boolean => {
  const code = text.charCodeAt(i);
  return code < 128 ? ASCII_WHITESPACE[code] === 1 : WHITESPACE.test(text[i]);
};
const endsSentence = (code: number): boolean => code < 128 && SENTENCE_END[code] === 1;

/**
 * Token bounds as parallel arrays: token k is text[starts[k], ends[k]), and opens[k] says it is the first of its
 * sentence. Most tokens are lower-case words that can never be entities, so they are not cut out as strings.
 */
interface Tokens {
  starts: number[];
  ends: number[];
  opens: boolean[];
}

/**
 * Tokens are runs of letters and digits joined by an apostrophe, a dot or a hyphen ("Jong-un", "U.S"), or by a
 * comma between digits (a thousands separator: "1,200" is one number, not "1" and "200"). A sentence ends at a
 * newline, or at whitespace after . ! ? : or a closing quote. One hand scanner over char codes: this runs on every
 * article's whole text.
 */
const tokensOf = (text: string): Tokens => {
  const tokens: Tokens = { starts: [], ends: [], opens: [] };
  const n = text.length;
  let sentenceEnded = true;
  let i = 0;
  while (i < n) {
    let width = wordCharAt(text, i);
    if (width === 0) {
      if (text.charCodeAt(i) === NEWLINE || (i > 0 && endsSentence(text.charCodeAt(i - 1)) && isWhitespaceAt(text, i))) sentenceEnded = true;
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
    tokens.starts.push(start);
    tokens.ends.push(i);
    tokens.opens.push(sentenceEnded);
    sentenceEnded = false;
  }
  return tokens;
};

/** Whether token k starts with a capital; ASCII is decided on the char code without cutting the token out. */
const capitalisedAt = (text: string, tokens: Tokens, k: number): boolean => {
  const code = text.charCodeAt(tokens.starts[k]);
  return code < 128 ? code >= 65 && code <= 90 : CAPITALISED.test(text.slice(tokens.starts[k], tokens.ends[k]));
};

/** A capitalised token as the entity it names, or '' for one too short, a stopword or a calendar word. */
const nameOf = (token: string): string => {
  const lowered = token.toLowerCase();
  const lower = lowered.includes("'") || lowered.includes('.') ? dropPossessiveAndDots(lowered) : lowered;
  return CALENDAR.has(lower) ? '' : termOfWord(lower);
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
  const count = tokens.starts.length;
  for (let k = 0; k < count; k++) {
    // The digit check first: most tokens are words, and it spares them the regex.
    if (isAsciiDigit(normalized.charCodeAt(tokens.starts[k]))) {
      const token = normalized.slice(tokens.starts[k], tokens.ends[k]);
      if (NUMBER.test(token)) {
        // Two-digit numbers are clock times, ages and scores that every story of a kind has; years, counts,
        // amounts and measured values ("7.1") tell one event from another.
        const number = token.replace(/,/g, '');
        if (number.replace('.', '').length >= 3 || number.includes('.')) out.push(`#${number}`);
        continue;
      }
    }
    if (!capitalisedAt(normalized, tokens, k)) continue;
    // The position test before the name: it needs no string, and most sentence openers ("The", "He") fail it.
    if (tokens.opens[k] && !(k + 1 < count && !tokens.opens[k + 1] && capitalisedAt(normalized, tokens, k + 1))) continue;
    const name = nameOf(normalized.slice(tokens.starts[k], tokens.ends[k]));
    if (name !== '') out.push(name);
  }
  return out;
};
