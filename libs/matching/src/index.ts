// Named re-exports rather than `export *`: compiled to CommonJS, `export *` reads every export through one shared
// getter (`from[k]`), a megamorphic lookup on each call into the library, and the engine calls hash32 and friends
// hundreds of times per article. A named re-export compiles to a getter per name, which V8 inlines.
export { hash32, mix32 } from './hash';
export { SHINGLE_WORDS, MINHASH_SIZE, shingles, minhashSignature, estimateJaccard, containment } from './minhash';
export { DocumentFrequencies } from './document-frequencies';
export { tfWeight, tfidfVector, heaviest } from './term-vector';
export type { TermVector } from './term-vector';
export { TermWeights } from './term-weights';
export { DEFAULT_INDEX_LIMITS } from './article-features';
export type { ArticleFeatures, IndexLimits } from './article-features';
export { ArticleIndex } from './article-index';
export type { Candidate, ArticleIndexSnapshot } from './article-index';
export { BLOOM_WORDS, bloomAdd, bloomHas, bloomUnion } from './term-bloom';
export { ensureCapacity, toBase64, fromBase64 } from './growable';
