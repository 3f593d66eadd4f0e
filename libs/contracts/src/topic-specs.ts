import { maxArticleBytes } from './article.schema';
import { Topics } from './topics';

export interface TopicSpec {
  topic: string;
  numPartitions: number;
  configEntries: { name: string; value: string }[];
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** The largest MAX_BODY_BYTES the gateway and dedup accept. */
const LARGEST_BODY_LIMIT = 16 * 1024 * 1024;

/**
 * How each topic is created at start. The story-event log has one partition: it is the event-sourced truth and
 * its replay must see one total order. Ingest scales on the article topic's partitions instead.
 */
export const TOPIC_SPECS: readonly TopicSpec[] = [
  {
    topic: Topics.articles,
    numPartitions: 6,
    configEntries: [
      { name: 'retention.ms', value: String(7 * DAY_MS) },
      // Above the broker's 1 MiB default, so an oversized article reaches dedup and is dead-lettered with its
      // reason instead of bouncing off the broker with a bare MESSAGE_TOO_LARGE the producer may just drop.
      { name: 'max.message.bytes', value: String(maxArticleBytes(LARGEST_BODY_LIMIT)) },
    ],
  },
  { topic: Topics.storyEvents, numPartitions: 1, configEntries: [{ name: 'retention.ms', value: '-1' }] },
  {
    topic: Topics.stories,
    numPartitions: 3,
    configEntries: [
      { name: 'cleanup.policy', value: 'compact' },
      { name: 'min.compaction.lag.ms', value: '60000' },
    ],
  },
  { topic: Topics.articlesDlq, numPartitions: 1, configEntries: [{ name: 'retention.ms', value: String(30 * DAY_MS) }] },
];
