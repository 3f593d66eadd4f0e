import { Kafka, logLevel } from 'kafkajs';
import { ReaderStoppedError, type StoryLogSink, StoryLogReader } from '../../apps/dedup/src/story-state/story-log-reader';
import { createTopics, testBrokers, uniqueName } from '../support/kafka';

/**
 * The reader's stop and close against a real broker, at the awkward moments: while its consumer is still
 * connecting and joining (a takeover or a shutdown can come then), and while a start is still on its way.
 */
describe('story log reader: stopping while it starts', () => {
  /** kafkajs' own account of its consumers: a crash, and the restart it schedules after one, are logged at error. */
  const consumerLog: string[] = [];
  const kafka = new Kafka({
    clientId: 'story-log-reader-test',
    brokers: testBrokers(),
    logLevel: logLevel.ERROR,
    logCreator:
      () =>
      ({ namespace, log }) => {
        if (namespace === 'Consumer') consumerLog.push(log.message);
      },
  });
  const sink: StoryLogSink = { fold: () => undefined, batchFolded: () => undefined, unreadable: () => undefined };
  let topic: string;

  beforeAll(async () => {
    topic = uniqueName('reader-stop.story-events');
    await createTopics(kafka, [topic]);
  });

  it('stopped at any point of its start, its consumer neither crashes nor comes back', async () => {
    for (const delayMs of [0, 5, 20, 50, 100, 200]) {
      const reader = new StoryLogReader(kafka, topic, uniqueName('reader-stop'), sink);
      // The first stop runs inside start; this one lands at delayMs into connecting, subscribing and joining.
      const started = reader.start(0n);
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      await reader.stop();
      await started.catch(() => undefined);
      expect(reader.running).toBe(false);
    }
    // kafkajs schedules a restart 300 ms after a crash; give any of them time to show.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(consumerLog.filter((message) => /^(Crash|Restarting)/.test(message))).toEqual([]);
  });

  it('closed while a start is on its way, the start is refused and nothing is left running', async () => {
    const reader = new StoryLogReader(kafka, topic, uniqueName('reader-close'), sink);
    const started = reader.start(0n);
    await reader.close();
    await expect(started).rejects.toBeInstanceOf(ReaderStoppedError);
    expect(reader.running).toBe(false);
    await expect(reader.start(0n)).rejects.toBeInstanceOf(ReaderStoppedError);
  });
});
