import { paragraphs, sentences } from './segment';

describe('paragraphs', () => {
  it('splits on blank lines when the text has them, keeping single newlines inside a paragraph', () => {
    expect(paragraphs('First line\ncontinues here.\n\n\nSecond paragraph.\n \nThird.')).toEqual([
      'First line continues here.',
      'Second paragraph.',
      'Third.',
    ]);
  });

  it('splits on every newline when the scraper left no blank lines', () => {
    expect(paragraphs('One.\nTwo.\r\nThree.')).toEqual(['One.', 'Two.', 'Three.']);
  });

  it('normalises typography and squeezes whitespace', () => {
    expect(paragraphs('\u201CQuoted\u201D\u00A0 text \u2014 dash')).toEqual(['"Quoted" text - dash']);
  });
});

describe('sentences', () => {
  it('splits after terminal punctuation before a capital, a digit or a quote', () => {
    expect(sentences('It fell. Then it rose! Why? "Because," he said. 30 died.')).toEqual([
      'It fell.',
      'Then it rose!',
      'Why?',
      '"Because," he said.',
      '30 died.',
    ]);
  });

  it('keeps abbreviations intact', () => {
    expect(sentences('Mr. Smith met Dr. Jones in the U.S. Senate. They talked.')).toEqual([
      'Mr. Smith met Dr. Jones in the U.S. Senate.',
      'They talked.',
    ]);
  });
});
