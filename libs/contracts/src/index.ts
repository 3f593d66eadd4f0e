export * from './topics';
export * from './rejection';
export * from './article.schema';
export * from './story-events.schema';
export * from './topic-specs';
export * from './dead-letter';
export * from './story-summary.schema';
