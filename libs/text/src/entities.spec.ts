import fc from 'fast-check';
import { entities, normalizedEntities } from './entities';
import { normalizeText } from './normalize';
import { paragraphs } from './segment';
import { stem } from './stem';
import { isStopword } from './stopwords';

/** The regex form the scanner implements: sentences split by a regex, tokens matched by one. */
const definition = (text: string): string[] => {
  const token = /[\p{L}\p{N}]+(?:(?:['.\-]|(?<=\d),(?=\d))[\p{L}\p{N}]+)*/gu;
  const capitalised = /^\p{Lu}/u;
  const calendar = new Set('january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec'.split(' '));
  const out: string[] = [];
  for (const sentence of normalizeText(text).split(/(?<=[.!?:"])\s+|\n+/)) {
    const tokens = [...sentence.matchAll(token)].map((m) => m[0]);
    tokens.forEach((t, i) => {
      if (/^\d[\d,.]*$/.test(t)) {
        const number = t.replace(/,/g, '');
        if (number.replace('.', '').length >= 3 || number.includes('.')) out.push(`#${number}`);
        return;
      }
      if (!capitalised.test(t)) return;
      const lower = t.toLowerCase().replace(/'s$/, '').replace(/['.]/g, '');
      if (lower.length < 2 || isStopword(lower) || calendar.has(lower)) return;
      if (i === 0 && !capitalised.test(tokens[1] ?? '')) return;
      out.push(stem(lower));
    });
  }
  return out;
};

describe('entities', () => {
  it('keeps names inside sentences and multi-word names opening one', () => {
    expect(entities('North Korea sold shells to the Russian army. Officials met Kim Jong Un in Pyongyang.')).toEqual([
      'north',
      'korea',
      'russian',
      'kim',
      'jong',
      'un',
      'pyongyang',
    ]);
  });

  it('skips a capitalised word that only opens a sentence', () => {
    expect(entities('Officials declined to comment. Troops moved north.')).toEqual([]);
  });

  it('keeps measured values and numbers from three digits, a thousands separator inside one number', () => {
    expect(entities('The 7.1 quake killed 1,200 people and 3 dogs at 9:30 on Feb. 4, 2009.')).toEqual(['#7.1', '#1200', '#2009']);
  });

  it('drops month names: every story has a date', () => {
    expect(entities('In December the Lakers signed Bryant.')).toEqual(['laker', 'bryant']);
  });

  it('stems and drops possessives so "Reid\'s" and "Reid" agree', () => {
    expect(entities("The rep of Tara Reid's family spoke. Fans of Reid waited.")).toEqual(['tara', 'reid', 'reid']);
  });

  it('agrees with the regex definition on any mix of cases, digits, joiners, sentence ends and scripts', () => {
    const pieces = fc.constantFrom(...'A Bc De. F, 1 23 4,5 6.7 - \' \'s ! ? : " \n \t \u2028 \u00a0 \u00c9t \u03a3 \u0660 May Kim Jong-un U.S. the The'.split(' '), ' ', '', '\u201c', '\ud835\udc00');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 30 }).map((p) => p.join('')), (text) => {
        expect(entities(text)).toEqual(definition(text));
      }),
      { numRuns: 3000, seed: 5 },
    );
  });

  // analyzeArticle relies on this: it joins a normalised title and the paragraphs rather than normalising again.
  it('finds in a normalised title and paragraphs, joined by newlines, what it finds in the raw texts joined', () => {
    const pieces = fc.constantFrom(...'A Bc De. F, 1 23 - \' \'s ! " \n \n\n \r\n \t \u2028 \u00a0 \u2019 \u201c \u2014 \ufb01 \u00c9t e\u0301 \u0301 May U.S. The'.split(' '), ' ');
    const text = fc.array(pieces, { maxLength: 20 }).map((p) => p.join(''));
    fc.assert(
      fc.property(text, text, (title, body) => {
        expect(normalizedEntities([normalizeText(title), ...paragraphs(body)].join('\n'))).toEqual(entities([title, ...paragraphs(body)].join('\n')));
      }),
      { numRuns: 2000, seed: 6 },
    );
  });
});
