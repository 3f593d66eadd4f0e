import { TOPIC_SPECS } from '@app/contracts';
import { loadConfig } from '@app/platform';
import { dedupConfigSchema } from './dedup.config';
import { dedupTopics, dedupTopicSpecs } from './dedup-topics';

describe('dedup topics', () => {
  it('are the contract topics and specs by default', () => {
    const topics = dedupTopics(loadConfig(dedupConfigSchema, { KAFKA_BROKERS: 'k:9092' }));
    expect(dedupTopicSpecs(topics)).toEqual(TOPIC_SPECS);
  });

  it('keep each contract spec under an overridden name', () => {
    const config = loadConfig(dedupConfigSchema, { KAFKA_BROKERS: 'k:9092', STORY_EVENTS_TOPIC: 'staging.story-events.v1', ARTICLES_TOPIC: 'staging.articles.v1' });
    const specs = dedupTopicSpecs(dedupTopics(config));
    expect(specs.find((s) => s.topic === 'staging.story-events.v1')).toMatchObject({ numPartitions: 1, configEntries: [{ name: 'retention.ms', value: '-1' }] });
    expect(specs.find((s) => s.topic === 'staging.articles.v1')?.numPartitions).toBe(6);
    expect(specs.map((s) => s.topic)).toContain('news.stories.v1');
  });
});
