import { type ITopicConfig } from 'kafkajs';
import { TOPIC_SPECS, Topics } from '@app/contracts';
import { type DedupConfig } from './dedup.config';

export type DedupTopics = { readonly [K in keyof typeof Topics]: string };

export const dedupTopics = (config: DedupConfig): DedupTopics => ({
  articles: config.ARTICLES_TOPIC,
  storyEvents: config.STORY_EVENTS_TOPIC,
  stories: config.STORIES_TOPIC,
  articlesDlq: config.ARTICLES_DLQ_TOPIC,
});

/** The contract's topic specs (partitions, retention, compaction, size limit) under the configured names. */
export const dedupTopicSpecs = (topics: DedupTopics): ITopicConfig[] =>
  (Object.keys(Topics) as (keyof typeof Topics)[]).map((role) => {
    const spec = TOPIC_SPECS.find((s) => s.topic === Topics[role])!;
    return { ...spec, topic: topics[role] };
  });
