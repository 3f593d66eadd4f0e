import { cachedStem, stem } from './stem';

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

describe('cachedStem', () => {
  it('answers as stem does, for new and remembered words, also once its memo has been cleared', () => {
    const words = Array.from({ length: 70_000 }, (_, i) => `${['rocket', 'purchas', 'defence', 'colour', 'analys'][i % 5]}${'abcdefghij'[i % 10]}ing${i.toString(36).replace(/\d/g, 'x')}s`);
    const all = [...words, ...words.slice(0, 1000), 'g20s', 'us', 'programmes'];
    expect(all.filter((word) => cachedStem(word) !== stem(word))).toEqual([]);
  });
});
