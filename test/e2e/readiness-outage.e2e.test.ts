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
 * Readiness asks Kafka itself: every app is ready with the broker up, and every app says it is not, naming Kafka,
 * once the broker is gone, although each one's clients had connected long before.
 */
describeWithLocalBrokers('readiness through a broker outage', () => {
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

  it('is green for every app while the broker runs, and red naming Kafka when it stops', async () => {
    broker = await startLocalBroker({ log: () => undefined });
    const env = dedupTestEnv('readiness-outage', { KAFKA_BROKERS: broker.brokers });
    dedup = await DedupProcess.start('dedup', env);
    gateway = await startGateway({ KAFKA_BROKERS: broker.brokers, API_KEYS: 'k', ARTICLES_TOPIC: env.ARTICLES_TOPIC });
    stories = await startStoriesApp({ flavour: 'PGlite', topic: env.STORY_EVENTS_TOPIC, brokers: broker.brokers, groupId: uniqueName('readiness-outage') });
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

    await broker.stop();
    const apps: [string, string, string][] = [
      ['gateway', gateway.url, 'kafka'],
      ['dedup', dedupUrl, 'story-stream'],
      ['stories', stories.url, 'consumer'],
    ];
    for (const [name, url, check] of apps) {
      await waitFor(async () => (await readiness(url)).status === 503, `${name} to say it is not ready`, 30_000);
      const { body } = await readiness(url);
      expect(body.details[check]).toMatchObject({ status: 'down', message: expect.stringMatching(/Kafka did not answer|not running/) });
      expect((await fetch(`${url}/health`)).status).toBe(200);
    }
  }, 300_000);
});
