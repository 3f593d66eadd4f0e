import fc from 'fast-check';
import { normalizeText } from './normalize';
import { stem } from './stem';
import { isStopword } from './stopwords';
import { termOfWord, terms, words } from './tokenize';

describe('words', () => {
  it('lower-cases and drops possessives and inner dots', () => {
    expect(words("Russia's U.S. deal, 1,000 shells")).toEqual(['russia', 'us', 'deal', '1', '000', 'shells']);
  });

  it('keeps letters and digits of any script, astral and composed ones included, and splits on everything else', () => {
    expect(words('Zürich—東京 naïve 𝐁ig 😀x l\u0301a')).toEqual(['zürich', '東京', 'naïve', 'big', 'x', 'ĺa']);
  });

  it('tells apart words whose hashes collide', () => {
    // FNV-1a 32 maps each of these pairs to one value: the lexicon of known words must still compare the letters.
    const colliding = 'qjxuxm nwfilo paxpra tqknj qjxuxm nwfilo';
    expect(words(colliding)).toEqual(colliding.split(' '));
  });

  // The scanner is a hand-written form of this definition; the property pins the two together on nasty input.
  const definition = (text: string): string[] =>
    [...normalizeText(text).toLowerCase().matchAll(/[\p{L}\p{N}]+(?:['.][\p{L}\p{N}]+)*/gu)].map((m) => m[0].replace(/'s$/, '').replace(/['.]/g, ''));
  const nasty = fc.constantFrom(...'aZ09 .\'\n-,sS\u00e9\u0130\u03a3\u0301\u2019\u00a0\ud835\udc01\ud83d\ude00\ud800\u3000\u0660\u00bd'.split(''), '\ud835\udc01', '\ud83d\ude00');

  it('agrees with the regex definition of a word on any mix of scripts, joiners and surrogates', () => {
    fc.assert(
      fc.property(fc.array(nasty, { maxLength: 40 }).map((chars) => chars.join('')), (text) => {
        expect(words(text)).toEqual(definition(text));
      }),
      { numRuns: 2000, seed: 42 },
    );
  });
});

describe('terms', () => {
  const definition = (text: string) => words(text).filter((w) => w.length >= 2 && !isStopword(w)).map(stem);
  const vocabulary = fc.constantFrom('Rockets', "Russia's", 'U.S.', 'the', 'said', 'a', 'G20s', '1,200', 'défence', 'organisation', 'x', 'shells', 'I.B.M', '2.5');

  it('are the stemmed words that are neither stopwords nor single characters', () => {
    fc.assert(
      fc.property(fc.array(vocabulary, { maxLength: 30 }).map((w) => w.join(' ')), (text) => {
        expect(terms(text)).toEqual(definition(text));
      }),
      { numRuns: 500, seed: 21 },
    );
  });

  it('stay right for words seen before and after the lexicon of known words is cleared', () => {
    const many = Array.from({ length: 70_000 }, (_, i) => `word${i.toString(36).replace(/\d/g, 'q')}ings`).join(' ');
    const text = `Rockets and shells ${many} rockets, shells.`;
    expect(terms(text)).toEqual(definition(text));
    expect(terms('Rockets and shells')).toEqual(['rocket', 'shell']);
  });

  it('drops stopwords, reporting verbs and single characters', () => {
    expect(terms('He said that a Russian official told reporters on Tuesday: x')).toEqual(['russian', 'official', 'reporter']);
  });

  it('loses "US" to the pronoun "us" (a known limitation of folding case before the stopword check)', () => {
    expect(terms('US officials')).toEqual(['official']);
  });
});

describe('termOfWord', () => {
  it('is the stemmed word, or nothing for a stopword or a single character, known to the lexicon or not', () => {
    const vocabulary = ['rockets', 'the', 'x', 'g20s', 'défence', 'jong-un', 'organisations', 'us', 'rockets', 'g20s'];
    expect(vocabulary.map(termOfWord)).toEqual(vocabulary.map((w) => (w.length < 2 || isStopword(w) ? '' : stem(w))));
  });
});
