import {
  type Evidence,
  type Fingerprint,
  type Relation,
  type StoriesMerged,
  storiesMergedSchema,
  type StoryStarted,
  storyStartedSchema,
  type StoryUpdated,
  storyUpdatedSchema,
} from '@app/contracts';
import { type Kafka } from 'kafkajs';
import { testProducer, uniqueName } from '../../support/kafka';

/**
 * Story events as the dedup service writes them, built through the contract's zod schemas so a change to the
 * contract breaks these tests instead of silently testing an old shape.
 */

const fingerprint = (time: string): Fingerprint => ({
  terms: [
    [1_902_114, 3],
    [77_310, 1],
  ],
  edges: [4_242],
  minhash: Array.from({ length: 8 }, (_, i) => i * 7919),
  shingles: 120,
  entities: [31_337],
  time: Date.parse(time),
});

// Event ids follow the dedup service: the input record's topic-partition-offset, then the event's ordinal.
const eventId = (offset: number, ordinal = 0) => `news.articles.v1-0-${offset}#${ordinal}`;

export const started = (offset: number, storyId: string, at: string, article: StoryStarted['article']): StoryStarted =>
  storyStartedSchema.parse({ type: 'StoryStarted', storyId, eventId: eventId(offset), at, articleId: article.id, article, fingerprint: fingerprint(at) });

export const updated = (
  offset: number,
  storyId: string,
  at: string,
  article: StoryUpdated['article'],
  relation: Relation,
  matched: string,
  newPassages: string[] = [],
): StoryUpdated => {
  const evidence: Evidence = {
    matchedArticleId: matched,
    score: relation === 'rewrite' ? 0.61 : 0.97,
    cosine: relation === 'rewrite' ? 0.58 : 0.99,
    containment: relation === 'rewrite' ? 0.12 : 0.93,
    entityOverlap: 0.8,
    sharedPassages: [{ passage: 'millions of rockets and artillery shells from North Korea', matchedIn: matched, overlap: 1 }],
    candidates: [{ storyId, articleId: matched, score: relation === 'rewrite' ? 0.61 : 0.97 }],
  };
  return storyUpdatedSchema.parse({
    type: 'StoryUpdated',
    storyId,
    eventId: eventId(offset),
    at,
    articleId: article.id,
    article,
    relation,
    newPassages,
    evidence,
    fingerprint: fingerprint(at),
  });
};

export const merged = (offset: number, storyId: string, at: string, mergedStoryIds: string[]): StoriesMerged =>
  storiesMergedSchema.parse({ type: 'StoriesMerged', storyId, eventId: eventId(offset, 1), at, mergedStoryIds });

/** A record value: an event, or raw text for records that are not story events. */
export type LogRecord = { key: string; value: string };

export const record = (event: { storyId: string }): LogRecord => ({ key: event.storyId, value: JSON.stringify(event) });

/**
 * Writes the records in one Kafka transaction, as the dedup service does; `abort` leaves them in the log but
 * never visible to read_committed readers.
 */
export const writeTransaction = async (kafka: Kafka, topic: string, records: readonly LogRecord[], { abort = false } = {}): Promise<void> => {
  const producer = testProducer(kafka, { transactionalId: uniqueName('story-log-writer'), idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  try {
    const transaction = await producer.transaction();
    await transaction.send({ topic, messages: [...records] });
    await (abort ? transaction.abort() : transaction.commit());
  } finally {
    await producer.disconnect();
  }
};
