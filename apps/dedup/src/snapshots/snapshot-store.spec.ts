import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serializeState, SNAPSHOT_FORMAT_VERSION, type SnapshotPosition } from './snapshot-file';
import { SnapshotStore } from './snapshot-store';

const TOPIC = 'news.story-events.v1';
const at = (next: number): SnapshotPosition => ({
  storyLogTopic: TOPIC,
  nextOffset: String(next),
  lastEvent: { offset: String(next - 1), eventId: `e-${next - 1}` },
});
const state = (n: number) => ({ version: 1, stories: Array.from({ length: n }, (_, i) => `st-${i}`) });

describe('SnapshotStore', () => {
  let dir: string;
  let rejected: [string, string][];
  let store: SnapshotStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'snapshots-'));
    rejected = [];
    store = new SnapshotStore(dir, (path, reason) => rejected.push([path, reason]));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const only = (suffix: string) => join(dir, readdirSync(dir).find((name) => name.endsWith(suffix))!);

  it('has nothing to load from a directory that does not exist yet', async () => {
    expect(await new SnapshotStore(join(dir, 'missing')).loadLatest(TOPIC)).toBeUndefined();
  });

  it('round-trips the position and the state, typed arrays included, and loads the newest', async () => {
    await store.write(at(10), serializeState(state(1)));
    await store.write(at(250), serializeState({ ...state(3), columns: new Uint32Array([3, 7]) }));
    const loaded = await store.loadLatest(TOPIC);
    expect(loaded?.header).toMatchObject({ formatVersion: SNAPSHOT_FORMAT_VERSION, ...at(250) });
    const { columns, ...rest } = loaded?.state as ReturnType<typeof state> & { columns: Uint32Array };
    expect(rest).toEqual(state(3));
    // V8 hands back the typed array of Node's realm, not the test sandbox's, so it is compared by content.
    expect(columns.constructor.name).toBe('Uint32Array');
    expect(Array.from(columns)).toEqual([3, 7]);
    expect(rejected).toEqual([]);
  });

  it('skips a corrupt newest file (one flipped byte) and falls back to the older one', async () => {
    await store.write(at(10), serializeState(state(1)));
    const { path } = await store.write(at(20), serializeState(state(2)));
    const bytes = readFileSync(path);
    bytes[bytes.length - 40] ^= 0xff;
    writeFileSync(path, bytes);
    expect((await store.loadLatest(TOPIC))?.header.nextOffset).toBe('10');
    expect(rejected).toEqual([[path, 'checksum mismatch (torn or corrupt file)']]);
  });

  it('skips a partial file and an empty one', async () => {
    const { path } = await store.write(at(20), serializeState(state(2)));
    const bytes = readFileSync(path);
    writeFileSync(path, bytes.subarray(0, bytes.length - 10));
    writeFileSync(join(dir, `${TOPIC}.${'30'.padStart(20, '0')}.snapshot`), '');
    expect(await store.loadLatest(TOPIC)).toBeUndefined();
    expect(rejected.map(([, reason]) => reason)).toEqual(['0 bytes is too short to be a snapshot', 'checksum mismatch (torn or corrupt file)']);
  });

  it('skips a well-formed file of another format version', async () => {
    const { path } = await store.write(at(20), serializeState(state(2)));
    const bytes = readFileSync(path);
    const newline = bytes.indexOf(0x0a);
    const header = JSON.parse(bytes.subarray(0, newline).toString()) as Record<string, unknown>;
    const payload = bytes.subarray(newline + 1, bytes.length - 32);
    // Forged with a valid checksum, so only the version can be what refuses it.
    const headerLine = Buffer.from(`${JSON.stringify({ ...header, formatVersion: SNAPSHOT_FORMAT_VERSION + 1 })}\n`);
    const trailer = createHash('sha256').update(headerLine).update(createHash('sha256').update(payload).digest()).digest();
    writeFileSync(path, Buffer.concat([headerLine, payload, trailer]));
    expect(await store.loadLatest(TOPIC)).toBeUndefined();
    expect(rejected).toEqual([[path, `format version ${SNAPSHOT_FORMAT_VERSION + 1}, this build reads ${SNAPSHOT_FORMAT_VERSION}`]]);
  });

  it('lets the caller refuse a snapshot (say, other engine settings) and falls back to an older one', async () => {
    await store.write(at(10), serializeState({ ...state(1), window: 7 }));
    await store.write(at(20), serializeState({ ...state(2), window: 3 }));
    const loaded = await store.loadLatest(TOPIC, ({ state }) => ((state as { window: number }).window === 7 ? undefined : 'other window'));
    expect(loaded?.header.nextOffset).toBe('10');
    expect(rejected.map(([, reason]) => reason)).toEqual(['other window']);
  });

  it('ignores snapshots of another topic', async () => {
    await new SnapshotStore(dir).write({ ...at(10), storyLogTopic: 'staging.story-events.v1' }, serializeState(state(1)));
    expect(await store.loadLatest(TOPIC)).toBeUndefined();
  });

  it('replaces a snapshot atomically: a writer that died mid-write leaves only a temporary file, which is never loaded', async () => {
    await store.write(at(20), serializeState(state(2)));
    const complete = readFileSync(only('.snapshot'));
    // What a crash between write and rename leaves behind: half a file under a temporary name.
    writeFileSync(join(dir, `.${TOPIC}.${'30'.padStart(20, '0')}.snapshot.999.dead.tmp`), complete.subarray(0, complete.length / 2));
    expect((await store.loadLatest(TOPIC))?.header.nextOffset).toBe('20');
    await store.write(at(20), serializeState(state(5)));
    expect((await store.loadLatest(TOPIC))?.state).toEqual(state(5));
    expect(rejected).toEqual([]);
  });

  it('lets two writers race on the same snapshot without tearing it', async () => {
    await Promise.all([store.write(at(20), serializeState(state(4))), store.write(at(20), serializeState(state(4)))]);
    expect((await store.loadLatest(TOPIC))?.state).toEqual(state(4));
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('prunes all but the newest snapshots of its topic', async () => {
    for (const next of [10, 20, 30]) await store.write(at(next), serializeState(state(1)));
    await new SnapshotStore(dir).write({ ...at(5), storyLogTopic: 'other.topic' }, serializeState(state(1)));
    await store.prune(TOPIC, 2);
    expect(readdirSync(dir).sort()).toEqual([
      `news.story-events.v1.${'20'.padStart(20, '0')}.snapshot`,
      `news.story-events.v1.${'30'.padStart(20, '0')}.snapshot`,
      `other.topic.${'5'.padStart(20, '0')}.snapshot`,
    ]);
  });
});
