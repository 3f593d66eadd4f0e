import { stem } from './stem';

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
