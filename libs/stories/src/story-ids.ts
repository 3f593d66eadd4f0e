import { hash32, mix32 } from '@app/matching';

const hex = (n: number): string => n.toString(16).padStart(8, '0');

/** Story ids are derived from the starting input, so reprocessing the same record yields the same id. */
export const newStoryId = (articleId: string, eventKey: string): string => {
  const h = hash32(`${eventKey}\u0000${articleId}`);
  return `st-${hex(h)}${hex(mix32(h, hash32(articleId)))}`;
};

/** Event ids are derived from the input record too: the read side deduplicates on them. */
export const eventIdFor = (eventKey: string, ordinal: number): string => `${eventKey}#${ordinal}`;
