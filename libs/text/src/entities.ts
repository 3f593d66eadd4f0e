import { normalizeText } from './normalize';
import { isStopword } from './stopwords';
import { stem } from './tokenize';

// A comma between digits is a thousands separator: "1,200" is one number, not "1" and "200".
const TOKEN = /[\p{L}\p{N}]+(?:(?:['.\-]|(?<=\d),(?=\d))[\p{L}\p{N}]+)*/gu;
const CAPITALISED = /^\p{Lu}/u;
const NUMBER = /^\d[\d,.]*$/;

/**
 * Names and numbers: the tokens that tell one earthquake or one rehab check-in from another of the same kind.
 * A capitalised word counts when it does not open a sentence, or when it opens one and the next word is
 * capitalised too ("North Korea said…"). Numbers count from two digits, so list markers and "one" do not.
 */
export const entities = (text: string): string[] => {
  const out: string[] = [];
  const normalized = normalizeText(text);
  for (const sentence of normalized.split(/(?<=[.!?:"])\s+|\n+/)) {
    const tokens = [...sentence.matchAll(TOKEN)].map((m) => m[0]);
    tokens.forEach((token, i) => {
      if (NUMBER.test(token)) {
        const digits = token.replace(/[,.]/g, '');
        if (digits.length >= 2) out.push(`#${digits}`);
        return;
      }
      if (!CAPITALISED.test(token)) return;
      const lower = token.toLowerCase().replace(/'s$/, '').replace(/['.]/g, '');
      if (lower.length < 2 || isStopword(lower)) return;
      const opensSentence = i === 0;
      if (opensSentence && !CAPITALISED.test(tokens[1] ?? '')) return;
      out.push(stem(lower));
    });
  }
  return out;
};
