export * from './normalize';
export * from './tokenize';
export * from './stopwords';
export * from './segment';
export * from './entities';
export * from './boilerplate';
export * from './topical-cut';
export * from './classify-paragraphs';
