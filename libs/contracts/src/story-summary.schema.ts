import { z } from 'zod';

/** The compacted news.stories.v1 value: the latest of each story. A story merged away gets a null (tombstone). */
export const storySummarySchema = z.object({
  storyId: z.string().min(1),
  articles: z.number().int().positive().describe('articles in the story so far'),
  startedAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
  lastEventId: z.string().min(1).describe('the story event that produced this state'),
});
export type StorySummary = z.infer<typeof storySummarySchema>;
