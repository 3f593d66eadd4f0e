import { SET_ASIDE_PARAGRAPHS, SET_ASIDE_TEXT_CHARS, setAsideParagraphSchema } from '@app/contracts';
import { ClassifiedParagraph, ParagraphRole } from '@app/text';
import { setAsideParagraphs } from './analyze-article';

const paragraph = (text: string, role: ParagraphRole): ClassifiedParagraph => ({ text, role, words: [], terms: [], termHashes: [], key: 0 });

describe('setAsideParagraphs', () => {
  it('lists every paragraph that is not story text, with its position in the body', () => {
    const paragraphs = [paragraph('Section: World', 'chrome'), paragraph('The lead.', 'story'), paragraph('More.', 'story'), paragraph('Related: other news', 'appended')];
    expect(setAsideParagraphs(paragraphs)).toEqual([
      { paragraph: 0, role: 'chrome', text: 'Section: World', length: 14 },
      { paragraph: 3, role: 'appended', text: 'Related: other news', length: 19 },
    ]);
  });

  it('sets nothing aside when no paragraph is story text, since matching then reads them all', () => {
    expect(setAsideParagraphs([paragraph('Comments are closed.', 'chrome'), paragraph('Seen everywhere', 'repeated')])).toEqual([]);
  });

  it('keeps the start of a long paragraph and says how long it was', () => {
    const long = 'x'.repeat(SET_ASIDE_TEXT_CHARS + 250);
    const [entry] = setAsideParagraphs([paragraph('The lead.', 'story'), paragraph(long, 'appended')]);
    expect(entry).toEqual({ paragraph: 1, role: 'appended', text: long.slice(0, SET_ASIDE_TEXT_CHARS), length: long.length });
    expect(setAsideParagraphSchema.safeParse(entry).success).toBe(true);
  });

  it('does not cut a character outside the Basic Multilingual Plane in half', () => {
    const text = `${'x'.repeat(SET_ASIDE_TEXT_CHARS - 1)}😀 and more`;
    const [entry] = setAsideParagraphs([paragraph('The lead.', 'story'), paragraph(text, 'appended')]);
    expect(entry.text).toBe('x'.repeat(SET_ASIDE_TEXT_CHARS - 1));
  });

  it('lists the first paragraphs set aside only, so a page of furniture cannot swell the event', () => {
    const chrome = Array.from({ length: SET_ASIDE_PARAGRAPHS + 40 }, (_, i) => paragraph(`Link ${i}`, 'chrome'));
    const listed = setAsideParagraphs([paragraph('The lead.', 'story'), ...chrome]);
    expect(listed).toHaveLength(SET_ASIDE_PARAGRAPHS);
    expect(listed[SET_ASIDE_PARAGRAPHS - 1]).toMatchObject({ paragraph: SET_ASIDE_PARAGRAPHS, text: `Link ${SET_ASIDE_PARAGRAPHS - 1}` });
  });
});
