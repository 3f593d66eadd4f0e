// Named re-exports rather than `export *`: see libs/matching/src/index.ts.
export { normalizeText, americanSpelling } from './normalize';
export { tokenize, words, terms } from './tokenize';
export type { Tokens } from './tokenize';
export { stem } from './stem';
export { isStopword } from './stopwords';
export { paragraphs, sentences } from './segment';
export { entities, normalizedEntities } from './entities';
export { CHROME_MAX_WORDS, isEdgeChrome, keyOfWords, paragraphKey } from './boilerplate';
export { DEFAULT_TOPICAL_CUT, topicalCut } from './topical-cut';
export type { TopicalCutOptions } from './topical-cut';
export { latestYearNamed } from './years';
export { weekdayMask, weekdaysApart, weekdaysNamed } from './weekdays';
export { classifyParagraphs } from './classify-paragraphs';
export type { ParagraphRole, ClassifiedParagraph, ClassifyOptions } from './classify-paragraphs';
