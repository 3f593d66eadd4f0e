import { americanSpelling } from './normalize';

const DIGIT = /\d/;
/** Short words and anything with a digit (numbers, codes, "g20s") are left as they are. */
const stemmable = (word: string): boolean => word.length > 3 && !DIGIT.test(word);

/**
 * A light plural/inflection stemmer: enough to join "rockets"/"rocket" and "purchasing"/"purchase"
 * across paraphrases without the over-stemming of a full Porter stemmer on names.
 */
export const stem = (word: string): string => {
  if (!stemmable(word)) return word;
  let w = americanSpelling(word);
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
};
