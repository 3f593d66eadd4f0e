import { americanSpelling, normalizeText } from './normalize';
import { isStopword } from './stopwords';

const WORD = /[\p{L}\p{N}]+(?:['.][\p{L}\p{N}]+)*/gu;

/** Lower-cased words with possessives and inner dots dropped ("U.S." → "us", "Russia's" → "russia"). */
export const words = (text: string): string[] => {
  const out: string[] = [];
  for (const match of normalizeText(text).toLowerCase().matchAll(WORD)) {
    out.push(match[0].replace(/'s$/, '').replace(/['.]/g, ''));
  }
  return out;
};

/**
 * A light plural/inflection stemmer: enough to join "rockets"/"rocket" and "purchasing"/"purchase"
 * across paraphrases without the over-stemming of a full Porter stemmer on names.
 */
export const stem = (word: string): string => {
  if (word.length <= 3 || /\d/.test(word)) return word;
  let w = americanSpelling(word);
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
};

/** Content terms: stemmed words that are not stopwords and not single characters. */
export const terms = (text: string): string[] => {
  const out: string[] = [];
  for (const word of words(text)) {
    if (word.length < 2 || isStopword(word)) continue;
    out.push(stem(word));
  }
  return out;
};
