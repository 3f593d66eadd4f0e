import { z } from 'zod';
import { articleSchema, deadLetterSchema, storyEventSchema, storySummarySchema, Topics } from '@app/contracts';

/** One JSON Schema per topic value, generated from the zod schemas the services validate with, so docs cannot drift. */
export const TOPIC_VALUE_SCHEMAS = {
  [Topics.articles]: articleSchema(),
  [Topics.storyEvents]: storyEventSchema,
  [Topics.stories]: storySummarySchema,
  [Topics.articlesDlq]: deadLetterSchema,
} as const;

export const schemaFileName = (topic: string): string => `${topic}.schema.json`;

/** `io: 'input'` documents what a producer may send: defaults and transforms apply after. */
export const jsonSchemaFor = (topic: keyof typeof TOPIC_VALUE_SCHEMAS): string =>
  `${JSON.stringify(
    { $id: schemaFileName(topic), title: `${topic} record value`, ...z.toJSONSchema(TOPIC_VALUE_SCHEMAS[topic], { io: 'input', unrepresentable: 'any' }) },
    null,
    2,
  )}\n`;
