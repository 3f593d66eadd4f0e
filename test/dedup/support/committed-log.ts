import { type Kafka } from 'kafkajs';
import { type StoryEvent } from '@app/contracts';
import { StoryLogReader } from '../../../apps/dedup/src/story-state/story-log-reader';
import { uniqueName } from '../../support/kafka';
import { waitUntil } from '../../support/processes';

type ArticleEvent = Exclude<StoryEvent, { type: 'StoriesMerged' }>;

export const isArticleEvent = (event: StoryEvent): event is ArticleEvent => event.type !== 'StoriesMerged';

/** Follows a story log as a read_committed subscriber sees it, with the service's own reader. */
export class CommittedLog {
  readonly events: StoryEvent[] = [];
  readonly unreadable: string[] = [];
  private readonly reader: StoryLogReader;

  constructor(
    private readonly kafka: Kafka,
    private readonly topic: string,
  ) {
    this.reader = new StoryLogReader(kafka, topic, uniqueName('test-log'), {
      fold: ({ event }) => this.events.push(event),
      batchFolded: () => undefined,
      unreadable: (offset, reason) => this.unreadable.push(`${offset}: ${reason}`),
    });
  }

  start(): Promise<void> {
    return this.reader.start(0n);
  }

  stop(): Promise<void> {
    return this.reader.stop();
  }

  articleIds(): Set<string> {
    return new Set(this.events.filter(isArticleEvent).map((e) => e.articleId));
  }

  async waitForArticles(ids: readonly string[], timeoutMs: number): Promise<void> {
    const seen = () => {
      const logged = this.articleIds();
      return ids.every((id) => logged.has(id));
    };
    if (!(await waitUntil(seen, timeoutMs))) throw new Error(`the log names ${this.articleIds().size} of ${ids.length} articles after ${timeoutMs} ms`);
  }

  /** Everything committed up to now: read to the high watermark, which covers every decided transaction. */
  async catchUp(): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    const [{ high }] = await admin.fetchTopicOffsets(this.topic);
    await admin.disconnect();
    await this.reader.caughtUp(BigInt(high));
  }

  /** How many StoryStarted/StoryUpdated name each article id. */
  timesNamed(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const event of this.events.filter(isArticleEvent)) counts.set(event.articleId, (counts.get(event.articleId) ?? 0) + 1);
    return counts;
  }
}

/** Waits until the group has committed every input offset: nothing is left to process. */
export const waitForNoLag = async (kafka: Kafka, groupId: string, topic: string, timeoutMs: number): Promise<void> => {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const ends = await admin.fetchTopicOffsets(topic);
      const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
      const lag = ends.reduce((sum, { partition, high }) => sum + Number(high) - Math.max(0, Number(committed?.partitions.find((p) => p.partition === partition)?.offset ?? 0)), 0);
      if (lag === 0) return;
      if (Date.now() > deadline) throw new Error(`group ${groupId} still lags ${lag} records on ${topic}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  } finally {
    await admin.disconnect();
  }
};
