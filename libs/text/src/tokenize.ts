import { normalizeText } from './normalize';
import { stem } from './stem';
import { isStopword } from './stopwords';
import { wordCharAt } from './word-chars';

/**
 * A word is a run of letters and digits (Unicode \p{L}\p{N}), runs joined by an apostrophe or a dot ("russia's",
 * "u.s"), lower-cased, with a trailing possessive and the joiners dropped. Tokenising is the hottest loop of the
 * engine, so it is a hand scanner over char codes rather than a regex match per word.
 */
const APOSTROPHE = 39;
const DOT = 46;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const isAsciiDigit = (code: number): boolean => code >= 48 && code <= 57;

/** Word → content term: '' for a stopword or a single character. */
const termOf = (word: string): string => (word.length < 2 || isStopword(word) ? '' : stem(word));

const hashOf = (text: string): number => {
  let h = FNV_OFFSET;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h;
};

/**
 * The words seen so far with their content terms. The scanner hashes a word's characters as it reads them and
 * finds a known word here without cutting a substring, hashing a string or stemming: news vocabulary is Zipfian,
 * so nearly every word of an article is known. Words with digits (numbers, of which a feed has endlessly many)
 * are kept out. Open addressing over typed arrays; cleared when full rather than kept as an LRU, since refilling
 * costs one stem per word.
 */
const LEXICON_LIMIT = 1 << 16;
const lexicon = {
  table: new Int32Array(LEXICON_LIMIT * 4),
  hashes: new Int32Array(LEXICON_LIMIT),
  words: [] as string[],
  terms: [] as string[],
};

/** The entry of the word text[start, end) (hash `h`), or -1. */
const findWord = (h: number, text: string, start: number, end: number): number => {
  const mask = lexicon.table.length - 1;
  const length = end - start;
  for (let bucket = Math.imul(h, 0x9e3779b1) >>> 14; ; bucket = (bucket + 1) & mask) {
    const entry = lexicon.table[bucket] - 1;
    if (entry < 0) return -1;
    if (lexicon.hashes[entry] !== h) continue;
    const word = lexicon.words[entry];
    if (word.length !== length) continue;
    let same = true;
    for (let k = 0; k < length && same; k++) same = word.charCodeAt(k) === text.charCodeAt(start + k);
    if (same) return entry;
  }
};

const addWord = (h: number, word: string): number => {
  if (lexicon.words.length >= LEXICON_LIMIT) {
    lexicon.table.fill(0);
    lexicon.words.length = 0;
    lexicon.terms.length = 0;
  }
  const entry = lexicon.words.length;
  lexicon.words.push(word);
  lexicon.terms.push(termOf(word));
  lexicon.hashes[entry] = h;
  const mask = lexicon.table.length - 1;
  let bucket = Math.imul(h, 0x9e3779b1) >>> 14;
  while (lexicon.table[bucket] !== 0) bucket = (bucket + 1) & mask;
  lexicon.table[bucket] = entry + 1;
  return entry;
};

export interface Tokens {
  words: string[];
  /** The content terms among the words, in order: stemmed, without stopwords and single characters. */
  terms: string[];
}

/** Words and terms of text that is already normalised (paragraphs are), so the normalisation is not paid twice. */
export const tokenize = (normalized: string): Tokens => {
  const text = normalized.toLowerCase();
  const words: string[] = [];
  const terms: string[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    let width = wordCharAt(text, i);
    if (width === 0) {
      i++;
      continue;
    }
    const start = i;
    let joined = false;
    let digits = false;
    let h = FNV_OFFSET;
    for (;;) {
      while (i < n && (width = wordCharAt(text, i)) > 0) {
        for (const end = i + width; i < end; i++) {
          const code = text.charCodeAt(i);
          digits ||= isAsciiDigit(code);
          h = Math.imul(h ^ code, FNV_PRIME);
        }
      }
      const joiner = text.charCodeAt(i);
      if ((joiner === APOSTROPHE || joiner === DOT) && i + 1 < n && wordCharAt(text, i + 1) > 0) {
        joined = true;
        i++;
        continue;
      }
      break;
    }
    let word: string;
    let term: string;
    if (digits) {
      word = text.slice(start, i);
      if (joined) word = word.replace(/'s$/, '').replace(/['.]/g, '');
      term = termOf(word);
    } else if (joined) {
      word = text.slice(start, i).replace(/'s$/, '').replace(/['.]/g, '');
      const hash = hashOf(word);
      let entry = findWord(hash, word, 0, word.length);
      if (entry < 0) entry = addWord(hash, word);
      word = lexicon.words[entry];
      term = lexicon.terms[entry];
    } else {
      let entry = findWord(h, text, start, i);
      if (entry < 0) entry = addWord(h, text.slice(start, i));
      word = lexicon.words[entry];
      term = lexicon.terms[entry];
    }
    words.push(word);
    if (term !== '') terms.push(term);
  }
  return { words, terms };
};

/** Lower-cased words with possessives and inner dots dropped ("U.S." → "us", "Russia's" → "russia"). */
export const words = (text: string): string[] => tokenize(normalizeText(text)).words;

/** Content terms: stemmed words that are not stopwords and not single characters. */
export const terms = (text: string): string[] => tokenize(normalizeText(text)).terms;
