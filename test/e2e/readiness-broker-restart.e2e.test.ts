import { type LocalBroker, startLocalBroker } from '../../tools/kafka/local-broker';
import { dedupTestEnv, removeSnapshotDirs } from '../dedup/support/dedup-env';
import { DedupProcess } from '../dedup/support/dedup-process';
import { type RunningGateway, startGateway } from '../gateway/gateway-app';
import { type StoriesApp, startStoriesApp, waitFor } from '../stories/support/stories-app';
import { uniqueName } from '../support/kafka';
import { expectApiSecurityHeaders } from '../support/security-headers';
import { describeWithLocalBrokers } from '../support/local-broker-suite';

interface Readiness {
  status: number;
  body: { details: Record<string, { status: string; message?: string; [detail: string]: unknown }> };
}

const readiness = async (baseUrl: string): Promise<Readiness> => {
  const response = await fetch(`${baseUrl}/health/ready`);
  return { status: response.status, body: (await response.json()) as Readiness['body'] };
};

/**
 * Readiness asks Kafka itself: every app is ready with the broker up, says it is not, naming Kafka, while the
 * broker restarts, although each one's clients had connected long before, and is ready again once it is back.
 */
describeWithLocalBrokers('readiness through a broker restart', () => {
  let broker: LocalBroker | undefined;
  let gateway: RunningGateway | undefined;
  let dedup: DedupProcess | undefined;
  let stories: StoriesApp | undefined;

  afterAll(async () => {
    await gateway?.app.close();
    await stories?.stop();
    await dedup?.kill();
    await broker?.stop();
    removeSnapshotDirs();
  });

  it('is green for every app while the broker runs, red naming Kafka while it restarts, and green again after', async () => {
    broker = await startLocalBroker({ log: () => undefined });
    const env = dedupTestEnv('readiness-restart', { KAFKA_BROKERS: broker.brokers });
    dedup = await DedupProcess.start('dedup', env);
    gateway = await startGateway({ KAFKA_BROKERS: broker.brokers, API_KEYS: 'k', ARTICLES_TOPIC: env.ARTICLES_TOPIC });
    stories = await startStoriesApp({ flavour: 'PGlite', topic: env.STORY_EVENTS_TOPIC, brokers: broker.brokers, groupId: uniqueName('readiness-restart') });
    await dedup.waitForReady(120_000);
    const dedupUrl = `http://127.0.0.1:${dedup.port}`;
    await waitFor(async () => (await readiness(gateway!.url)).status === 200, 'the gateway to be ready');

    const owner = await readiness(dedupUrl);
    expect(owner.status).toBe(200);
    expect(owner.body.details['story-stream']).toMatchObject({ status: 'up', role: expect.stringMatching(/^(owner|standby)$/) });
    await dedup.waitForRole(['owner']);
    expect((await readiness(dedupUrl)).body.details['story-stream']).toEqual({ status: 'up', role: 'owner', partitions: 6 });
    expect((await readiness(stories.url)).status).toBe(200);
    // dedup runs from its main.ts here, so this is the shared HTTP setup every app's main applies.
    expectApiSecurityHeaders(await fetch(`${dedupUrl}/stream`));

    const apps: [string, string, string][] = [
      ['gateway', gateway.url, 'kafka'],
      ['dedup', dedupUrl, 'story-stream'],
      ['stories', stories.url, 'consumer'],
    ];
    // Every app is polled all through the restart: the broker is away for the few seconds its JVM takes to start.
    const seenDown = new Map<string, Readiness['body']['details'][string]>();
    let restarting = true;
    const watching = apps.map(async ([name, url, check]) => {
      while (restarting && !seenDown.has(name)) {
        const { status, body } = await readiness(url);
        if (status === 503) seenDown.set(name, body.details[check]);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    });
    await broker.restart();
    restarting = false;
    await Promise.all(watching);
    for (const [name] of apps) {
      expect([name, seenDown.get(name)]).toEqual([name, expect.objectContaining({ status: 'down', message: expect.stringMatching(/Kafka did not answer|not running/) })]);
    }
    for (const [name, url] of apps) {
      await waitFor(async () => (await readiness(url)).status === 200, `${name} to be ready again`, 120_000);
      expect((await fetch(`${url}/health`)).status).toBe(200);
    }
    // Ready again can first mean a standby (its consumer rejoined, its takeover not yet done): ownership follows.
    await dedup.waitForRole(['owner']);
    expect((await readiness(dedupUrl)).body.details['story-stream']).toEqual({ status: 'up', role: 'owner', partitions: 6 });
  }, 300_000);
});
