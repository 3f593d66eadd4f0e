import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { getPriority } from 'node:os';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_ENGINE_CONFIG, emptyState, evolve, toSnapshot } from '@app/stories';
import { loadFixture, streamArticles } from '@app/stories/testing/fixture-stream';
import { SnapshotStore } from '../snapshots/snapshot-store';
import { decodeState, encodeState } from './story-snapshot-codec';
import { StorySnapshots } from './story-snapshots';

// Each test runs the real engine over the fixtures and, for most, a real worker thread.
jest.setTimeout(60_000);

const log = { info: () => undefined, warn: (message: string, context: object) => console.warn(message, context) };
const fixtureEvents = () => {
  const articles = [...loadFixture('ecbplus-warmup.articles.ndjson'), ...loadFixture('seeds.articles.ndjson')];
  return streamArticles(articles, Date.UTC(2022, 8, 1)).decisions.flatMap((d) => d.events);
};

describe('engine state snapshots', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'story-snapshots-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('decode what they encode: the same engine state as the one taken', () => {
    const state = emptyState();
    for (const event of fixtureEvents()) evolve(state, event);
    const decoded = decodeState(require('node:v8').deserialize(encodeState(state)), DEFAULT_ENGINE_CONFIG);
    if (!decoded.ok) throw new Error(decoded.reason);
    expect(toSnapshot(decoded.state)).toEqual(toSnapshot(state));
  });

  it('decode a state whose vocabulary has forgotten terms, with their ids free for the same new terms', () => {
    // Every term rare, and a month later one more article: the sweep forgets what the first ones used.
    const engine = { ...DEFAULT_ENGINE_CONFIG, rareTermShare: 1 };
    const state = emptyState(engine);
    for (const event of fixtureEvents()) evolve(state, event);
    const [later] = loadFixture('seeds.articles.ndjson');
    streamArticles([{ ...later, id: 'a-month-later', publishedAt: '2022-10-15T00:00:00Z' }], Date.UTC(2022, 9, 15), { state, firstKey: 1_000 });
    expect(state.frequencies.terms).toBeLessThan(state.frequencies.idLimit);
    const decoded = decodeState(require('node:v8').deserialize(encodeState(state)), engine);
    if (!decoded.ok) throw new Error(decoded.reason);
    expect(toSnapshot(decoded.state)).toEqual(toSnapshot(state));
    const newTerms = [101, 102, 103];
    expect(decoded.state.frequencies.add(newTerms, 0)).toEqual(state.frequencies.add(newTerms, 0));
  });

  it('decode a state taken with other thresholds or retrieval depth, which then decides with the settings of now', () => {
    const payload = require('node:v8').deserialize(encodeState(emptyState())) as unknown;
    const stricter = { ...DEFAULT_ENGINE_CONFIG, joinScore: 0.35, mergeScore: 0.6, postingsPerTerm: 500 };
    const decoded = decodeState(payload, stricter);
    if (!decoded.ok) throw new Error(decoded.reason);
    expect(decoded.state.config).toEqual(stricter);
  });

  it('refuse a state kept with another window, index limits, rare-term share or boilerplate threshold, or of another engine snapshot version', () => {
    const payload = require('node:v8').deserialize(encodeState(emptyState())) as { tree: { version: number } };
    const refused = { ok: false, reason: 'it was taken with another window, index limits, rare-term share or boilerplate threshold' };
    expect(decodeState(payload, { ...DEFAULT_ENGINE_CONFIG, windowMs: 1 })).toEqual(refused);
    expect(decodeState(payload, { ...DEFAULT_ENGINE_CONFIG, index: { ...DEFAULT_ENGINE_CONFIG.index, termsPerArticle: 32 } })).toEqual(refused);
    expect(decodeState(payload, { ...DEFAULT_ENGINE_CONFIG, rareTermShare: 1e-3 })).toEqual(refused);
    // evolve records at most this many stories per edge paragraph: a state kept under another count is not the fold.
    expect(decodeState(payload, { ...DEFAULT_ENGINE_CONFIG, boilerplateStories: 5 })).toEqual(refused);
    payload.tree.version = 1;
    expect(decodeState(payload, DEFAULT_ENGINE_CONFIG)).toEqual({ ok: false, reason: 'engine state version 1, this build reads 7' });
    expect(decodeState({ anything: 1 }, DEFAULT_ENGINE_CONFIG)).toEqual({ ok: false, reason: 'the payload is not a packed engine state' });
  });

  it('are written by the worker from the committed events alone, every N events and on close, and restore to the fold of the log', async () => {
    const events = fixtureEvents();
    const settings = { dir, topic: 'story-log', engine: DEFAULT_ENGINE_CONFIG, policy: { everyEvents: 50, everyMs: 3_600_000 } };
    const written: string[] = [];
    const snapshots = new StorySnapshots(new SnapshotStore(dir), settings, { ...log, info: (message, context) => written.push(`${message} ${String(context.nextOffset)}`) });
    snapshots.follow(undefined);
    events.forEach((event, offset) => {
      snapshots.committed(BigInt(offset), JSON.stringify(event));
      // As transactions commit: a few dozen events at a time.
      if (offset % 30 === 29) snapshots.publish();
    });
    await snapshots.close();
    expect(written).toContain(`snapshot written ${events.length}`);
    expect(written.length).toBeGreaterThanOrEqual(2);

    const expected = emptyState();
    for (const event of events) evolve(expected, event);
    const restored = await new StorySnapshots(new SnapshotStore(dir), settings, log).latest(BigInt(events.length));
    expect(restored).toMatchObject({ nextOffset: BigInt(events.length), lastEvent: { offset: BigInt(events.length - 1), eventId: events[events.length - 1].eventId } });
    expect(toSnapshot(restored!.state)).toEqual(toSnapshot(expected));
  });

  it('start where the restore began, once it is done, and skip what a rollback replays again', async () => {
    const events = fixtureEvents();
    const half = Math.floor(events.length / 2);
    const settings = { dir, topic: 'story-log', engine: DEFAULT_ENGINE_CONFIG, policy: { everyEvents: 1_000_000, everyMs: 3_600_000 } };
    const first = new StorySnapshots(new SnapshotStore(dir), settings, log);
    first.follow(undefined);
    events.slice(0, half).forEach((event, offset) => first.committed(BigInt(offset), JSON.stringify(event)));
    await first.close();

    const second = new StorySnapshots(new SnapshotStore(dir), settings, log);
    const base = await second.latest(BigInt(half));
    second.follow(base);
    // The restore replays the log from the snapshot's last event on; the writer learns of it only when released.
    events.forEach((event, offset) => second.committed(BigInt(offset), JSON.stringify(event)));
    second.release();
    // A rollback replays part of the tail again: skipped.
    events.slice(half).forEach((event, i) => second.committed(BigInt(half + i), JSON.stringify(event)));
    await second.close();

    const expected = emptyState();
    for (const event of events) evolve(expected, event);
    const restored = await new StorySnapshots(new SnapshotStore(dir), settings, log).latest(BigInt(events.length));
    expect(toSnapshot(restored!.state)).toEqual(toSnapshot(expected));
  });

  it('stop queueing events for a writer that died, and start a new one at the next restore', async () => {
    const events = fixtureEvents();
    const settings = { dir, topic: 'story-log', engine: DEFAULT_ENGINE_CONFIG, policy: { everyEvents: 1_000_000, everyMs: 3_600_000 } };
    const warnings: string[] = [];
    const written: string[] = [];
    const snapshots = new StorySnapshots(new SnapshotStore(dir), settings, {
      info: (message, context) => written.push(`${message} ${String(context.nextOffset)}`),
      warn: (message) => warnings.push(message),
    });
    snapshots.follow(undefined);
    expect(snapshots.writerStarted).toBe(true);
    // A committed event the writer cannot fold: it reports the failure and exits.
    snapshots.committed(0n, '{"not": "a story event"');
    snapshots.publish();
    for (let i = 0; i < 500 && snapshots.writerStarted; i++) await new Promise((r) => setTimeout(r, 10));
    expect(snapshots.writerStarted).toBe(false);
    expect(warnings).toContain('snapshot writer exited; no snapshots until the state is next restored (a takeover or a restart)');
    // Meanwhile the stream goes on committing: nothing is kept for a writer that will never take it.
    events.forEach((event, offset) => snapshots.committed(BigInt(offset + 1), JSON.stringify(event)));
    expect((snapshots as unknown as { outbox: unknown[] }).outbox).toHaveLength(0);
    // The next restore starts a new writer, which snapshots what it is given from then on.
    snapshots.follow(undefined);
    events.forEach((event, offset) => snapshots.committed(BigInt(offset), JSON.stringify(event)));
    await snapshots.close();
    expect(written).toContain(`snapshot written ${events.length}`);
  });

  // Thread priorities are read from /proc: Linux, where the services run.
  (existsSync('/proc/self/task') ? it : it.skip)('run the writer below the stream thread in CPU priority, and leave the stream thread where it was', async () => {
    // /proc/self/task/<tid>/stat: field 19 is the thread's nice value.
    const niceByThread = () =>
      readdirSync('/proc/self/task').map((tid) => {
        const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
      });
    const before = niceByThread();
    const settings = { dir, topic: 'story-log', engine: DEFAULT_ENGINE_CONFIG, policy: { everyEvents: 1_000_000, everyMs: 3_600_000 } };
    const snapshots = new StorySnapshots(new SnapshotStore(dir), settings, log);
    snapshots.follow(undefined);
    try {
      const lowered = (threads: number[]) => threads.filter((nice) => nice === 5).length;
      for (let i = 0; i < 500 && lowered(niceByThread()) === lowered(before); i++) await new Promise((r) => setTimeout(r, 10));
      expect(lowered(niceByThread())).toBe(lowered(before) + 1);
      expect(getPriority(0)).toBe(before[0]);
    } finally {
      await snapshots.close();
    }
  });

  it('set aside a snapshot past the end of the log (a recreated topic), so it is not read again nor kept over newer ones', async () => {
    const events = fixtureEvents();
    const settings = { dir, topic: 'story-log', engine: DEFAULT_ENGINE_CONFIG, policy: { everyEvents: 1_000_000, everyMs: 3_600_000 } };
    const old = new StorySnapshots(new SnapshotStore(dir), settings, log);
    old.follow(undefined);
    events.forEach((event, offset) => old.committed(BigInt(offset), JSON.stringify(event)));
    await old.close();
    const snapshotFiles = () => readdirSync(dir).filter((name) => !name.startsWith('.')).sort();
    expect(snapshotFiles()).toEqual([`story-log.${String(events.length).padStart(20, '0')}.snapshot`]);

    // The topic was recreated: its log now ends well before the snapshot.
    const warnings: string[] = [];
    const restarted = new StorySnapshots(new SnapshotStore(dir), settings, { ...log, warn: (message) => warnings.push(message) });
    expect(await restarted.latest(10n)).toBeUndefined();
    expect(snapshotFiles()).toEqual([`story-log.${String(events.length).padStart(20, '0')}.snapshot.stale`]);
    expect(await restarted.latest(10n)).toBeUndefined();
    expect(warnings).toEqual([]);
    // Another instance sharing the directory writes a snapshot past the end this one read, because the log grew
    // meanwhile: read again, the end covers it, and it stays where it is.
    const shared = new StorySnapshots(new SnapshotStore(dir), settings, log);
    shared.follow(undefined);
    events.slice(0, 12).forEach((event, offset) => shared.committed(BigInt(offset), JSON.stringify(event)));
    await shared.close();
    expect(await restarted.latest(10n, async () => 12n)).toBeUndefined();
    expect(snapshotFiles()).toContain(`story-log.${'12'.padStart(20, '0')}.snapshot`);
    // The new log's snapshots are the newest again, however low their offsets.
    restarted.follow(undefined);
    events.slice(0, 10).forEach((event, offset) => restarted.committed(BigInt(offset), JSON.stringify(event)));
    await restarted.close();
    expect(await new StorySnapshots(new SnapshotStore(dir), settings, log).latest(10n)).toMatchObject({ nextOffset: 10n });
  });
});
