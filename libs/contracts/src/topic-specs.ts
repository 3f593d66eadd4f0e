import { Topics } from './topics';

export interface TopicSpec {
  topic: string;
  numPartitions: number;
  configEntries: { name: string; value: string }[];
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * How each topic is created at start. The story-event log has one partition: it is the event-sourced truth and
 * its replay must see one total order. Ingest scales on the article topic's partitions instead.
 */
export const TOPIC_SPECS: readonly TopicSpec[] = [
  { topic: Topics.articles, numPartitions: 6, configEntries: [{ name: 'retention.ms', value: String(7 * DAY_MS) }] },
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
