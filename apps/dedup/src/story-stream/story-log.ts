import { Kafka } from 'kafkajs';
import { randomUUID } from 'crypto';
import { storyEventSchema, Topics } from '@app/contracts';
import { emptyState, EngineConfig, evolve, StoryState } from '@app/stories';

/**
 * Rebuilds the engine state by folding the committed story log from the start. The log is the truth: no other
 * store is consulted. Reading stops once the log has been idle for `idleMs` after the last committed event.
 */
export const rebuildFromStoryLog = async (
  kafka: Kafka,
  config: EngineConfig,
  { idleMs = 1500, firstEventTimeoutMs = 30_000 } = {},
): Promise<{ state: StoryState; events: number }> => {
  const state = emptyState(config);
  const admin = kafka.admin();
  await admin.connect();
  const ends = await admin.fetchTopicOffsets(Topics.storyEvents);
  await admin.disconnect();
  const empty = ends.every((p) => p.high === p.low);
  if (empty) return { state, events: 0 };
  const consumer = kafka.consumer({ groupId: `story-log-replay-${randomUUID()}`, readUncommitted: false });
  let events = 0;
  const started = Date.now();
  let lastSeen = 0;
  await consumer.connect();
  await consumer.subscribe({ topic: Topics.storyEvents, fromBeginning: true });
  await consumer.run({
    autoCommit: false,
    eachMessage: async ({ message }) => {
      lastSeen = Date.now();
      if (!message.value) return;
      evolve(state, storyEventSchema.parse(JSON.parse(message.value.toString('utf8'))));
      events++;
    },
  });
  // A log holding only aborted transactions has offsets but no committed event: bound the wait for the first one.
  const reading = () => (lastSeen === 0 ? Date.now() - started < firstEventTimeoutMs : Date.now() - lastSeen < idleMs);
  while (reading()) await new Promise((r) => setTimeout(r, 100));
  await consumer.disconnect();
  return { state, events };
};
