/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { waitFor } from '../stories/support/stories-app';
import { testKafka, testProducer } from '../support/kafka';
import { type PipelineStack, SEEDS, startPipeline, WARMUP } from './support/pipeline-stack';

// Debian's package; .ci/run installs it when missing. Set CHROMIUM_PATH to use another build.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOT = join(__dirname, '..', '..', 'test-output', 'dashboard.png');

/** The figure a card shows; an empty or non-numeric card fails here rather than reading as 0. */
const numberIn = async (page: Page, testId: string): Promise<number> => {
  const text = (await page.getByTestId(testId).textContent())?.trim() ?? '';
  expect(text).toMatch(/^\d[\d,]*(\.\d+)?$/);
  return Number(text.replace(/,/g, ''));
};

describe('e2e: the ops dashboard in headless Chromium while articles flow', () => {
  let stack: PipelineStack;
  let browser: Browser;
  beforeAll(async () => {
    stack = await startPipeline('e2e-dashboard');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('shows live numbers, relation mix, dead letters and health, and a click opens a story timeline', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${stack.stories.url}/dashboard`);
    await page.getByTestId('connection').filter({ hasText: 'live' }).waitFor();

    // Data flows while the page is open: a warm-up feed and the seeds through the gateway, and a record some other
    // producer wrote straight to the topic, which dedup dead-letters.
    expect((await stack.postNdjson(WARMUP)).status).toBe(200);
    expect((await stack.postNdjson(SEEDS)).status).toBe(200);
    const producer = testProducer(testKafka('e2e-dashboard'));
    await producer.connect();
    await producer.send({ topic: stack.topics.articles, messages: [{ key: 'poison', value: '{"id": "poison-1", "body": 42}' }] });
    await producer.disconnect();

    await page.waitForFunction(() => Number(document.querySelector('[data-testid="stories"]')?.textContent) > 0, undefined, { timeout: 60_000 });
    await page.waitForFunction(
      (expected) => {
        const counts = [...document.querySelectorAll('[data-testid="relations"] .count')].map((c) => Number(c.textContent));
        return counts.reduce((a, b) => a + b, 0) >= expected;
      },
      WARMUP.length + SEEDS.length,
      { timeout: 90_000 },
    );
    const stories = await numberIn(page, 'stories');
    expect(stories).toBeGreaterThan(0);

    // The figures behind the tiles were read, not defaulted: a failed read shows as 0 on the page and as a problem
    // here. Lag is read per input partition, and both throughput series saw the articles go by.
    type Snapshot = { problems: string[]; lag: { partitions: unknown[] }; throughput: { in: { perSecond: number }[]; out: { perSecond: number }[] } };
    const snapshot = async () => (await (await fetch(`${stack.stories.url}/dashboard/snapshot`)).json()) as Snapshot;
    const flowed = (s: Snapshot) => s.throughput.in.some((p) => p.perSecond > 0) && s.throughput.out.some((p) => p.perSecond > 0);
    await waitFor(async () => flowed(await snapshot()), 'the dashboard to chart input and output throughput');
    const figures = await snapshot();
    expect(figures.problems).toEqual([]);
    expect(figures.lag.partitions).toHaveLength(6);
    expect(await page.getByTestId('problems').isHidden()).toBe(true);
    expect(stories).toBeLessThan(WARMUP.length + SEEDS.length);
    expect(await page.getByTestId('relations').textContent()).toMatch(/rewrite\s*\d+/);
    await page.getByTestId('health').getByText('dedup: ready').waitFor();
    await page.getByTestId('health').getByText('gateway: ready').waitFor();
    await page.getByTestId('health').getByText('stories: ready').waitFor();
    expect(await numberIn(page, 'lag')).toBeGreaterThanOrEqual(0);
    await page.getByTestId('dead-letters').getByText('body: must be string').waitFor({ timeout: 30_000 });
    expect(await numberIn(page, 'dlq-count')).toBe(1);

    // The most updated stories (the seeds' five may or may not make the top ten among the warm-up's events): the
    // first of them with new passages opens the timeline the stories API holds for it, its passages included.
    const rows = page.locator('[data-testid="top-stories"] tr[data-story-id]');
    await rows.first().waitFor();
    type Detail = { articleCount: number; timeline: { newPassages?: string[]; setAside?: unknown[] }[] };
    const passagesIn = (detail: Detail) => detail.timeline.reduce((n, entry) => n + (entry.newPassages?.length ?? 0), 0);
    const setAsideIn = (detail: Detail) => detail.timeline.reduce((n, entry) => n + (entry.setAside?.length ?? 0), 0);
    let chosen: { storyId: string; detail: Detail } | undefined;
    for (const storyId of await rows.evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset.storyId!))) {
      const detail = (await (await fetch(`${stack.stories.url}/v1/stories/${storyId}`)).json()) as Detail;
      if (passagesIn(detail) > 0) {
        chosen = { storyId, detail };
        break;
      }
    }
    expect(chosen).toBeDefined();
    const { storyId, detail } = chosen!;
    await page.locator(`[data-testid="top-stories"] tr[data-story-id="${storyId}"]`).click();
    const panel = page.getByTestId('story-panel');
    await panel.getByText(`${storyId} · ${detail.articleCount} articles`).waitFor();
    expect(await panel.locator('.timeline li').count()).toBe(detail.timeline.length);
    expect(await panel.locator('.timeline li > blockquote').count()).toBe(passagesIn(detail));
    // Paragraphs the engine did not read as story text (credits, ads, appended stories) sit folded under each entry.
    expect(await panel.locator('.timeline .set-aside blockquote').count()).toBe(setAsideIn(detail));

    mkdirSync(join(SCREENSHOT, '..'), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(errors).toEqual([]);
  });
});
