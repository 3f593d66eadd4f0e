import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTopics, testKafka, uniqueName } from '../support/kafka';
import { dumpDatabase } from './support/database-dump';
import { ABORTED, E, PART_1, PART_2 } from './support/rockets-log';
import { writeTransaction } from './support/story-log';
import { dropSchemas, type Flavour, FLAVOURS, startStoriesApp, type StoriesApp, uniqueSchema, waitFor } from './support/stories-app';

const kafka = testKafka('stories-projection-test');
const schemas: string[] = [];
const pgliteDirs: string[] = [];

const get = async (app: StoriesApp, path: string, init: RequestInit = {}) => {
  const response = await fetch(`${app.url}${path}`, init);
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
};

/** The last event of a part is visible: the projection applies a partition in order, so all before it are too. */
const projected = (app: StoriesApp, articleId: string) =>
  waitFor(async () => (await fetch(`${app.url}/v1/articles/${articleId}/story`)).status === 200, `article ${articleId} to be projected`);

const schemaFor = (flavour: Flavour): string | undefined => {
  if (flavour === 'PGlite') return undefined;
  const schema = uniqueSchema();
  schemas.push(schema);
  return schema;
};

const pgliteDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'stories-pglite-'));
  pgliteDirs.push(dir);
  return dir;
};

/** What a reader sees: the list, every story's detail, every article's story. Equal views = equal read sides. */
const readerView = async (app: StoriesApp) => {
  const list = await get(app, '/v1/stories?limit=200');
  const stories = list.body.stories as { id: string }[];
  const details = await Promise.all(stories.map(async (story) => (await get(app, `/v1/stories/${story.id}`)).body));
  const articles = await Promise.all(
    ['seed-000', 'seed-001', 'seed-002', 'seed-003', 'seed-004', 'yahoo-ap-copy', 'late-shells-copy', 'quake-1', 'rehab-1', 'final-1'].map(
      async (id) => (await get(app, `/v1/articles/${id}/story`)).body,
    ),
  );
  return { list: list.body, details, articles };
};

describe('stories projection and REST API on a real broker', () => {
  const topic = uniqueName('stories.story-events');
  const dumps: Partial<Record<Flavour, Record<string, string[]>>> = {};

  beforeAll(async () => {
    await createTopics(kafka, [topic]);
    await writeTransaction(kafka, topic, PART_1);
    await writeTransaction(kafka, topic, ABORTED, { abort: true });
    await writeTransaction(kafka, topic, PART_2);
  });

  afterAll(async () => {
    await dropSchemas(schemas);
    for (const dir of pgliteDirs) rmSync(dir, { recursive: true, force: true });
  });

  describe.each(FLAVOURS)('on %s', (flavour) => {
    let app: StoriesApp;
    let view: Awaited<ReturnType<typeof readerView>>;

    beforeAll(async () => {
      app = await startStoriesApp({ flavour, topic, schema: schemaFor(flavour) });
      await projected(app, E.final.articleId);
      view = await readerView(app);
      dumps[flavour] = await dumpDatabase(app.db);
    });
    afterAll(() => app?.stop());

    it('applies each committed event once: a redelivered event id and an aborted transaction change nothing', async () => {
      expect(app.projection.status()).toMatchObject({ state: 'running', applied: 11, duplicates: 1, rejected: 2, lastSeq: 11 });
      expect((await get(app, '/v1/stories/st-ghost')).status).toBe(404);
      expect((await get(app, '/v1/articles/ghost-1/story')).status).toBe(404);
    });

    it('keeps what it skipped, with the reason', async () => {
      const rejected = await app.db.query<{ reason: string; payload: string }>('SELECT reason, payload FROM rejected_records ORDER BY "offset"');
      expect(rejected).toEqual([
        { reason: expect.stringMatching(/^not JSON: /), payload: '{"type": "StoryStarted", ' },
        { reason: expect.stringMatching(/^not a story event: relation: /), payload: expect.stringContaining('"news.articles.v1-0-50#0"') },
      ]);
    });

    it('lists stories newest update first, ties broken by id, with the merged story gone', () => {
      expect((view.list.stories as { id: string }[]).map((s) => s.id)).toEqual(['st-final', 'st-rockets', 'st-rehab', 'st-quake']);
      expect(view.list.nextCursor).toBeNull();
    });

    it('pages through the list with the cursor, one page at a time, without gaps or repeats', async () => {
      for (const limit of [1, 3]) {
        const seen: string[] = [];
        let cursor: string | null = null;
        do {
          const page = await get(app, `/v1/stories?limit=${limit}${cursor === null ? '' : `&cursor=${cursor}`}`);
          expect(page.status).toBe(200);
          const stories = page.body.stories as { id: string }[];
          expect(stories.length).toBeLessThanOrEqual(limit);
          seen.push(...stories.map((s) => s.id));
          cursor = page.body.nextCursor as string | null;
        } while (cursor !== null);
        expect(seen).toEqual(['st-final', 'st-rockets', 'st-rehab', 'st-quake']);
      }
    });

    it('filters by update time with since (inclusive), in any time zone', async () => {
      const ids = async (since: string) => ((await get(app, `/v1/stories?since=${encodeURIComponent(since)}`)).body.stories as { id: string }[]).map((s) => s.id);
      expect(await ids('2022-09-06T15:00:00Z')).toEqual(['st-final', 'st-rockets', 'st-rehab', 'st-quake']);
      expect(await ids('2022-09-07T09:00:00+02:00')).toEqual(['st-final', 'st-rockets']);
      expect(await ids('2022-09-09T00:00:00Z')).toEqual([]);
    });

    it('shows a story with its articles, counts and timeline, merged story included', async () => {
      const story = await get(app, '/v1/stories/st-rockets');
      expect(story.status).toBe(200);
      expect(story.body).toMatchObject({
        id: 'st-rockets',
        title: 'Russia buying rockets, artillery shells from North Korea, US says',
        articleCount: 7,
        relations: { duplicate: 2, syndicated: 1, rewrite: 2 },
        createdAt: '2022-09-06T10:00:00.000Z',
        updatedAt: '2022-09-07T07:00:00.000Z',
        lastEventId: E.lateCopy.eventId,
        mergedStoryIds: ['st-shells'],
      });
      expect((story.body.articles as { id: string; relation: string }[]).map((a) => [a.id, a.relation])).toEqual([
        ['seed-000', 'origin'],
        ['yahoo-ap-copy', 'duplicate'],
        ['seed-001', 'origin'],
        ['seed-004', 'syndicated'],
        ['seed-002', 'rewrite'],
        ['seed-003', 'rewrite'],
        ['late-shells-copy', 'duplicate'],
      ]);
      expect((story.body.articles as Record<string, unknown>[])[3]).toEqual({
        id: 'seed-004',
        relation: 'syndicated',
        title: 'Russia buying N Korean arms: US',
        source: 'Taipei Times',
        url: 'https://www.taipeitimes.com/News/world/archives/2022/09/07/2003784868',
        joinedAt: '2022-09-06T13:00:00.000Z',
      });
      const timeline = story.body.timeline as Record<string, unknown>[];
      expect(timeline.map((t) => [t.seq, t.eventId])).toEqual(
        [E.apStarted, E.duplicate, E.shellsStarted, E.syndicated, E.shellsRewrite, E.rockets3, E.merge, E.lateCopy].map((e, i) => [[1, 2, 3, 4, 5, 8, 9, 10][i], e.eventId]),
      );
      const { fingerprint: _fingerprint, ...rewrite } = E.rockets3;
      expect(timeline[5]).toEqual({ seq: 8, ...rewrite });
      expect(timeline[6]).toEqual({ seq: 9, ...E.merge });
    });

    it('pages through a long story: the timeline a page at a time, each page with the articles its events placed', async () => {
      const whole = (await get(app, '/v1/stories/st-rockets')).body;
      expect(whole.nextAfter).toBeNull();
      const pages: Record<string, unknown>[] = [];
      for (let after: unknown = 0; after !== null; after = pages[pages.length - 1].nextAfter) {
        const page = await get(app, `/v1/stories/st-rockets?after=${String(after)}&limit=3`);
        expect(page.status).toBe(200);
        pages.push(page.body);
      }
      const seqs = pages.map((page) => (page.timeline as { seq: number }[]).map((t) => t.seq));
      expect(seqs).toEqual([[1, 2, 3], [4, 5, 8], [9, 10]]);
      expect(pages.map((page) => page.nextAfter)).toEqual([3, 8, null]);
      expect(pages.map((page) => (page.articles as { id: string }[]).map((a) => a.id))).toEqual([
        ['seed-000', 'yahoo-ap-copy', 'seed-001'],
        ['seed-004', 'seed-002', 'seed-003'],
        ['late-shells-copy'],
      ]);
      // The pages add up to the whole story, and every page carries the story's own figures.
      expect(pages.flatMap((page) => page.timeline as unknown[])).toEqual(whole.timeline);
      expect(pages.flatMap((page) => page.articles as unknown[])).toEqual(whole.articles);
      for (const page of pages) expect(page).toMatchObject({ id: 'st-rockets', articleCount: 7, mergedStoryIds: ['st-shells'] });
      const merged = await get(app, '/v1/stories/st-shells?after=3&limit=3', { redirect: 'manual' });
      expect(merged.headers.get('location')).toBe('/v1/stories/st-rockets?after=3&limit=3');
      expect(await get(app, '/v1/stories/st-rockets?limit=5000')).toMatchObject({ status: 400, body: { message: 'limit must be an integer from 1 to 1000' } });
    });

    it('redirects a merged story id to the story that absorbed it', async () => {
      const response = await get(app, '/v1/stories/st-shells', { redirect: 'manual' });
      expect(response.status).toBe(301);
      expect(response.headers.get('location')).toBe('/v1/stories/st-rockets');
      expect(response.body).toEqual({ message: 'story "st-shells" was merged into "st-rockets"', storyId: 'st-rockets' });
      expect((await get(app, '/v1/stories/st-shells')).body).toMatchObject({ id: 'st-rockets' });
    });

    it("answers an article's story after the merge, with its relation", async () => {
      expect((await get(app, '/v1/articles/seed-002/story')).body).toMatchObject({
        articleId: 'seed-002',
        relation: 'rewrite',
        joinedAt: '2022-09-06T14:00:00.000Z',
        story: { id: 'st-rockets', articleCount: 7 },
      });
      expect((await get(app, '/v1/articles/late-shells-copy/story')).body).toMatchObject({ relation: 'duplicate', story: { id: 'st-rockets' } });
      expect((await get(app, '/v1/articles/quake-1/story')).body).toMatchObject({ relation: 'origin', story: { id: 'st-quake', articleCount: 1 } });
    });

    it.each([
      ['/v1/stories?limit=0', 'limit must be an integer from 1 to 200'],
      ['/v1/stories?limit=500', 'limit must be an integer from 1 to 200'],
      ['/v1/stories?since=yesterday', 'since must be an ISO-8601 date-time with a time zone, e.g. 2024-05-01T00:00:00Z'],
      ['/v1/stories?cursor=bm90LWEtY3Vyc29y', 'cursor must be a nextCursor this API returned; drop it to start from the newest story'],
      ['/v1/stories?page=2', 'unknown query parameter page: use since, limit, cursor'],
    ])('answers %s with 400 and what to fix', async (path, message) => {
      const response = await get(app, path);
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ statusCode: 400, message });
      expect(JSON.stringify(response.body)).not.toMatch(/\bat .*\.ts:\d+/);
    });

    it('answers unknown ids with 404 and a message', async () => {
      const story = await get(app, '/v1/stories/st-nope');
      expect(story.status).toBe(404);
      expect(story.body.message).toBe('story "st-nope" is not known: check the id (stories list at GET /v1/stories)');
      const article = await get(app, '/v1/articles/nope/story');
      expect(article.status).toBe(404);
      expect(article.body.message).toBe('article "nope" is in no story: it has not been projected yet, or the id is mistyped');
    });

    it('answers 404, not a database error, to ids no story can have: a NUL, a key too long to index', async () => {
      for (const id of ['st-%00', encodeURIComponent('x'.repeat(3000))]) {
        expect((await get(app, `/v1/stories/${id}`)).status).toBe(404);
        expect((await get(app, `/v1/articles/${id}/story`)).status).toBe(404);
      }
    });

    it('keeps the totals the dashboard reads equal to a count of the rows, merges and resends included', async () => {
      const [totals] = await app.db.query<Record<string, number>>('SELECT stories::int, articles::int, duplicates::int, syndicated::int, rewrites::int FROM read_model_totals');
      const [counted] = await app.db.query<Record<string, number>>(
        `SELECT (SELECT count(*) FROM stories)::int AS stories, count(*)::int AS articles,
                (count(*) FILTER (WHERE relation = 'duplicate'))::int AS duplicates,
                (count(*) FILTER (WHERE relation = 'syndicated'))::int AS syndicated,
                (count(*) FILTER (WHERE relation = 'rewrite'))::int AS rewrites
           FROM story_articles`,
      );
      expect(totals).toEqual(counted);
      expect(totals.stories).toBe((view.list.stories as unknown[]).length);
    });

    it('replays the whole log into a fresh database identically', async () => {
      const replay = await startStoriesApp({ flavour, topic, schema: schemaFor(flavour) });
      try {
        await projected(replay, E.final.articleId);
        expect(await dumpDatabase(replay.db)).toEqual(dumps[flavour]);
      } finally {
        await replay.stop();
      }
    });

    it('resumes after a restart from the offsets stored with the rows, and serves what a single run serves', async () => {
      const ownTopic = uniqueName('stories.story-events.restart');
      await createTopics(kafka, [ownTopic]);
      const schema = schemaFor(flavour);
      const dir = flavour === 'PGlite' ? pgliteDir() : undefined;
      const groupId = uniqueName('stories-projection');
      const options = { flavour, topic: ownTopic, schema, pgliteDir: dir, groupId };
      await writeTransaction(kafka, ownTopic, PART_1);
      await writeTransaction(kafka, ownTopic, ABORTED, { abort: true });
      const first = await startStoriesApp(options);
      await projected(first, E.shellsRewrite.articleId);
      await first.stop();

      await writeTransaction(kafka, ownTopic, PART_2);
      const second = await startStoriesApp(options);
      try {
        await projected(second, E.final.articleId);
        // Only the second part's records went through this instance: the first part was never applied again.
        expect(second.projection.status()).toMatchObject({ applied: 6, duplicates: 1, rejected: 1, lastSeq: 11 });
        expect(await readerView(second)).toEqual(view);
      } finally {
        await second.stop();
      }
    });
  });

  it('ends in the same database on PostgreSQL and on PGlite', () => {
    expect(dumps.PostgreSQL).toBeDefined();
    expect(dumps.PGlite).toEqual(dumps.PostgreSQL);
  });
});
