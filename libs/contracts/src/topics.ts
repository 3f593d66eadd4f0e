/** Topic names are a public contract: outside consumers (kcat, newsroom systems) subscribe to these exact strings. */
export const Topics = {
  articles: 'news.articles.v1',
  storyEvents: 'news.story-events.v1',
  stories: 'news.stories.v1',
  articlesDlq: 'news.articles.dlq.v1',
} as const;

export type TopicName = (typeof Topics)[keyof typeof Topics];
