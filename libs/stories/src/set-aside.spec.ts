import { ClassifiedParagraph, ParagraphRole } from '@app/text';
import { setAsideParagraphs } from './analyze-article';

const paragraph = (text: string, role: ParagraphRole): ClassifiedParagraph => ({ text, role, words: [], terms: [], termHashes: [], key: 0 });

describe('setAsideParagraphs', () => {
  it('lists every paragraph that is not story text, with its position in the body', () => {
    const paragraphs = [paragraph('Section: World', 'chrome'), paragraph('The lead.', 'story'), paragraph('More.', 'story'), paragraph('Related: other news', 'appended')];
    expect(setAsideParagraphs(paragraphs)).toEqual([
      { paragraph: 0, role: 'chrome', text: 'Section: World' },
      { paragraph: 3, role: 'appended', text: 'Related: other news' },
    ]);
  });

  it('sets nothing aside when no paragraph is story text, since matching then reads them all', () => {
    expect(setAsideParagraphs([paragraph('Comments are closed.', 'chrome'), paragraph('Seen everywhere', 'repeated')])).toEqual([]);
  });
});
