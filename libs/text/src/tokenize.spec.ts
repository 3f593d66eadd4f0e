import { stem, terms, words } from './tokenize';

describe('words', () => {
  it('lower-cases and drops possessives and inner dots', () => {
    expect(words("Russia's U.S. deal, 1,000 shells")).toEqual(['russia', 'us', 'deal', '1', '000', 'shells']);
  });
});

describe('stem', () => {
  it.each([
    ['rockets', 'rocket'],
    ['purchasing', 'purchas'],
    ['purchase', 'purchas'],
    ['countries', 'country'],
    ['defence', 'defens'],
    ['organisation', 'organization'],
    ['missiles', 'missil'],
  ])('%s → %s', (word, stemmed) => {
    expect(stem(word)).toBe(stemmed);
  });

  it('joins inflections of one word across paraphrases', () => {
    expect(stem('purchasing')).toBe(stem('purchase'));
    expect(stem('armoured')).toBe(stem('armored'));
  });

  it('leaves short words, numbers and -ss/-us/-is endings alone', () => {
    expect(['gas', 'g20s', 'press', 'status', 'analysis'].map(stem)).toEqual(['gas', 'g20s', 'press', 'status', 'analysis']);
  });
});

describe('terms', () => {
  it('drops stopwords, reporting verbs and single characters', () => {
    expect(terms('He said that a Russian official told reporters on Tuesday: x')).toEqual(['russian', 'official', 'reporter']);
  });

  it('loses "US" to the pronoun "us" (a known limitation of folding case before the stopword check)', () => {
    expect(terms('US officials')).toEqual(['official']);
  });
});
