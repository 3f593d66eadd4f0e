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

/** "Korea's" → "korea", "U.S" → "us": a joined word without its possessive and its inner apostrophes and dots. */
export const dropPossessiveAndDots = (word: string): string => word.replace(/'s$/, '').replace(/['.]/g, '');

/** Word → content term: '' for a stopword or a single character. */
const termOf = (word: string): string => (word.length < 2 || isStopword(word) ? '' : stem(word));

const SPACE = 32;

/** FNV-1a as the scanner computes it (signed); `>>> 0` gives the engine's hash32. */
const hashOf = (text: string): number => {
  let h = FNV_OFFSET;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h;
};

/** The engine's term hash (FNV-1a, 32 bits unsigned: `hash32` in @app/matching) of a term. */
const termHashOf = (term: string): number => hashOf(term) >>> 0;

/** The engine's hash32 of the words joined by single spaces, without building the joined string. */
export const hashOfWords = (words: readonly string[]): number => {
  let h = FNV_OFFSET;
  for (let w = 0; w < words.length; w++) {
    if (w > 0) h = Math.imul(h ^ SPACE, FNV_PRIME);
    const word = words[w];
    for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), FNV_PRIME);
  }
  return h >>> 0;
};

/**
 * The words seen so far with their content terms. The scanner hashes a word's characters as it reads them and
 * finds a known word here without cutting a substring, hashing a string or stemming: news vocabulary is Zipfian,
 * so nearly every word of an article is known. Words with digits (numbers, of which a feed has endlessly many)
 * are kept out. Cleared when full rather than kept as an LRU, since refilling costs one stem per word.
 *
 * A lookup is a handful of dependent memory reads per word of every article, so the layout is for the cache: a
 * probe reads one 4-byte slot (the entry and a tag of the hash: half the table a whole hash per slot would take),
 * and everything kept per entry (its letters, its word and term strings) sits in entry order, which is first-seen
 * order, so the common words share cache lines.
 */
const LEXICON_LIMIT = 1 << 16;
const INITIAL_SLOT_BITS = 12;
/** A slot is entry + 1 in its low ENTRY_BITS (0: empty) and the low bits of the word's hash above them. */
const ENTRY_BITS = 17;
const ENTRY_MASK = (1 << ENTRY_BITS) - 1;
const tagOf = (h: number): number => h << ENTRY_BITS;
const lexicon = {
  /** Open addressing, at most half full. */
  slots: new Int32Array(1 << INITIAL_SLOT_BITS),
  slotBits: INITIAL_SLOT_BITS,
  /** Per entry: where its letters start in `letters`, its length, its hash. */
  spans: new Int32Array(3 * LEXICON_LIMIT),
  letters: new Uint16Array(1 << 16),
  letterCount: 0,
  /** Entry e's word at 2e and its term at 2e + 1. */
  strings: [] as string[],
  /** Entry e's term hash (`termHashOf`), so a known word's term is not hashed again by every article using it. */
  termHashes: new Uint32Array(LEXICON_LIMIT),
  size: 0,
};

const firstSlot = (h: number): number => Math.imul(h, 0x9e3779b1) >>> (32 - lexicon.slotBits);

/** The entry of the word text[start, end) (hash `h`), or -1. */
const findWord = (h: number, text: string, start: number, end: number): number => {
  const { slots, spans, letters } = lexicon;
  const mask = (1 << lexicon.slotBits) - 1;
  const tag = tagOf(h);
  const length = end - start;
  for (let slot = firstSlot(h); ; slot = (slot + 1) & mask) {
    const content = slots[slot];
    if (content === 0) return -1;
    if ((content & ~ENTRY_MASK) !== tag) continue;
    const entry = (content & ENTRY_MASK) - 1;
    if (spans[3 * entry + 2] !== h || spans[3 * entry + 1] !== length) continue;
    const from = spans[3 * entry];
    let same = true;
    for (let k = 0; k < length && same; k++) same = letters[from + k] === text.charCodeAt(start + k);
    if (same) return entry;
  }
};

const placeInSlot = (h: number, entry: number): void => {
  const { slots } = lexicon;
  const mask = (1 << lexicon.slotBits) - 1;
  let slot = firstSlot(h);
  while (slots[slot] !== 0) slot = (slot + 1) & mask;
  slots[slot] = tagOf(h) | (entry + 1);
};

/** Doubles the slots and places every entry again: the table starts small, so a small vocabulary stays in cache. */
const growSlots = (): void => {
  lexicon.slotBits++;
  lexicon.slots = new Int32Array(1 << lexicon.slotBits);
  for (let entry = 0; entry < lexicon.size; entry++) placeInSlot(lexicon.spans[3 * entry + 2], entry);
};

const clearLexicon = (): void => {
  lexicon.slots.fill(0);
  lexicon.letterCount = 0;
  lexicon.strings.length = 0;
  lexicon.size = 0;
};

const addWord = (h: number, word: string): number => {
  if (lexicon.size >= LEXICON_LIMIT) clearLexicon();
  if (2 * (lexicon.size + 1) > 1 << lexicon.slotBits) growSlots();
  const entry = lexicon.size++;
  if (lexicon.letters.length < lexicon.letterCount + word.length) {
    const letters = new Uint16Array(Math.max(lexicon.letters.length * 2, lexicon.letterCount + word.length));
    letters.set(lexicon.letters.subarray(0, lexicon.letterCount));
    lexicon.letters = letters;
  }
  for (let k = 0; k < word.length; k++) lexicon.letters[lexicon.letterCount + k] = word.charCodeAt(k);
  lexicon.spans[3 * entry] = lexicon.letterCount;
  lexicon.spans[3 * entry + 1] = word.length;
  lexicon.spans[3 * entry + 2] = h;
  lexicon.letterCount += word.length;
  const term = termOf(word);
  lexicon.strings.push(word, term);
  lexicon.termHashes[entry] = termHashOf(term);
  placeInSlot(h, entry);
  return entry;
};

/** The lexicon entry of a word without digits, added if new. */
const entryOf = (word: string): number => {
  const hash = hashOf(word);
  const entry = findWord(hash, word, 0, word.length);
  return entry < 0 ? addWord(hash, word) : entry;
};

const hasAsciiDigit = (word: string): boolean => {
  for (let i = 0; i < word.length; i++) if (isAsciiDigit(word.charCodeAt(i))) return true;
  return false;
};

/**
 * The content term of a lower-cased word whose possessive and dots are already dropped ('' for a stopword or a
 * single character), through the lexicon: for the names that entities finds in text the tokenizer has just read,
 * the entry is there and in cache, where a memo of its own would be a cold lookup.
 */
export const termOfWord = (word: string): string => (hasAsciiDigit(word) ? termOf(word) : lexicon.strings[2 * entryOf(word) + 1]);

export interface Tokens {
  words: string[];
  /** The content terms among the words, in order: stemmed, without stopwords and single characters. */
  terms: string[];
  /** Each term's hash32, in `terms` order: every consumer keys terms by hash, and the lexicon has them at hand. */
  termHashes: number[];
}

/** Words and terms of text that is already normalised (paragraphs are), so the normalisation is not paid twice. */
export const tokenize = (normalized: string): Tokens => {
  const text = normalized.toLowerCase();
  const words: string[] = [];
  const terms: string[] = [];
  const termHashes: number[] = [];
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
    let termHash: number;
    if (digits) {
      word = text.slice(start, i);
      if (joined) word = dropPossessiveAndDots(word);
      term = termOf(word);
      termHash = termHashOf(term);
    } else {
      let entry: number;
      if (joined) entry = entryOf(dropPossessiveAndDots(text.slice(start, i)));
      else {
        entry = findWord(h, text, start, i);
        if (entry < 0) entry = addWord(h, text.slice(start, i));
      }
      word = lexicon.strings[2 * entry];
      term = lexicon.strings[2 * entry + 1];
      termHash = lexicon.termHashes[entry];
    }
    words.push(word);
    if (term !== '') {
      terms.push(term);
      termHashes.push(termHash);
    }
  }
  return { words, terms, termHashes };
};

/** Lower-cased words with possessives and inner dots dropped ("U.S." → "us", "Russia's" → "russia"). */
export const words = (text: string): string[] => tokenize(normalizeText(text)).words;

/** Content terms: stemmed words that are not stopwords and not single characters. */
export const terms = (text: string): string[] => tokenize(normalizeText(text)).terms;
