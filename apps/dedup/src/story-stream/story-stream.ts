import { Consumer, EachBatchPayload, Kafka, Message, Producer } from 'kafkajs';
import { Topics } from '@app/contracts';
import { EngineConfig } from '@app/stories';
import { ensureTopics } from './ensure-topics';
import { processRecord } from './process-record';
import { rebuildFromStoryLog } from './story-log';
import { storySummaries } from './story-summary';

export interface StoryStreamOptions {
  groupId: string;
  /** Shared by every instance: a new owner's initTransactions fences the old one's producer. */
  transactionalId: string;
  maxBodyBytes: number;
  engine: EngineConfig;
  /** Records per transaction: larger amortises the commit, smaller bounds the work redone after a crash. */
  recordsPerTransaction: number;
}

export interface StreamLogger {
  log(message: string, context?: object): void;
  error(message: string, context?: object): void;
}

/**
 * The consume → decide → produce loop, exactly once: the story events, the compacted story records, the
 * dead letters and the consumed offsets are committed in one Kafka transaction. The engine state is folded forward
 * as records are decided; if a transaction fails the state is rebuilt from the committed log, so it never holds
 * decisions the log does not.
 */
export class StoryStream {
  private consumer?: Consumer;
  private producer?: Producer;
  private state?: Awaited<ReturnType<typeof rebuildFromStoryLog>>['state'];
  private stopping = false;

  constructor(
    private readonly kafka: Kafka,
    private readonly options: StoryStreamOptions,
    private readonly logger: StreamLogger,
  ) {}

  async start(): Promise<void> {
    await ensureTopics(this.kafka);
    const startedAt = Date.now();
    const rebuilt = await rebuildFromStoryLog(this.kafka, this.options.engine);
    this.state = rebuilt.state;
    this.logger.log('story state rebuilt from the log', { events: rebuilt.events, stories: this.state.stories.size, ms: Date.now() - startedAt });
    this.producer = this.kafka.producer({ transactionalId: this.options.transactionalId, idempotent: true, maxInFlightRequests: 1 });
    await this.producer.connect();
    this.consumer = this.kafka.consumer({ groupId: this.options.groupId, readUncommitted: false });
    await this.consumer.connect();
    await this.consumer.subscribe({ topic: Topics.articles, fromBeginning: true });
    await this.consumer.run({ autoCommit: false, eachBatchAutoResolve: false, eachBatch: (payload) => this.onBatch(payload) });
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.consumer?.disconnect();
    await this.producer?.disconnect();
  }

  private async onBatch({ batch, resolveOffset, heartbeat, isRunning, isStale }: EachBatchPayload): Promise<void> {
    const { recordsPerTransaction } = this.options;
    for (let from = 0; from < batch.messages.length; from += recordsPerTransaction) {
      if (!isRunning() || isStale() || this.stopping) return;
      const chunk = batch.messages.slice(from, from + recordsPerTransaction);
      await this.commitChunk(batch.topic, batch.partition, chunk);
      resolveOffset(chunk[chunk.length - 1].offset);
      await heartbeat();
    }
  }

  private async commitChunk(topic: string, partition: number, messages: EachBatchPayload['batch']['messages']): Promise<void> {
    const deadLetters: Message[] = [];
    const storyEvents: Message[] = [];
    const stories: Message[] = [];
    for (const message of messages) {
      const record = { topic, partition, offset: message.offset, value: message.value, timestamp: Number(message.timestamp) };
      const outcome = processRecord(this.state!, record, this.options.maxBodyBytes);
      if (outcome.kind === 'dead-letter') {
        deadLetters.push({ key: message.key, value: JSON.stringify(outcome.deadLetter) });
        continue;
      }
      storyEvents.push(...outcome.events.map((e) => ({ key: e.storyId, value: JSON.stringify(e) })));
      stories.push(...storySummaries(this.state!, outcome.events));
    }
    const transaction = await this.producer!.transaction();
    try {
      const topicMessages = [
        { topic: Topics.storyEvents, messages: storyEvents },
        { topic: Topics.stories, messages: stories },
        { topic: Topics.articlesDlq, messages: deadLetters },
      ].filter((t) => t.messages.length > 0);
      if (topicMessages.length > 0) await transaction.sendBatch({ topicMessages });
      const next = (BigInt(messages[messages.length - 1].offset) + 1n).toString();
      await transaction.sendOffsets({ consumerGroupId: this.options.groupId, topics: [{ topic, partitions: [{ partition, offset: next }] }] });
      await transaction.commit();
    } catch (error) {
      this.logger.error('transaction failed; aborting and rebuilding state from the committed log', { error: (error as Error).message });
      await transaction.abort().catch(() => undefined);
      this.state = (await rebuildFromStoryLog(this.kafka, this.options.engine)).state;
      throw error;
    }
  }
}
