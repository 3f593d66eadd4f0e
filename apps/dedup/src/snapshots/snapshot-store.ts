import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeSnapshot, encodeSnapshot, type SnapshotHeader, type SnapshotPosition } from './snapshot-file';

export interface StoredSnapshot {
  readonly path: string;
  /** The whole file, as read. */
  readonly file: Buffer;
  readonly header: SnapshotHeader;
  readonly state: unknown;
}

/** Why a file was passed over; the caller logs it, and the story log covers what the file would have saved. */
export type RejectedSnapshot = (path: string, reason: string) => void;

const SUFFIX = '.snapshot';
const OFFSET_AND_SUFFIX = /^\d{20}\.snapshot$/;
/** A temporary file this old belongs to a writer that died mid-write. */
const ABANDONED_TMP_MS = 60 * 60 * 1000;

/** Zero-padded offsets make the newest snapshot of a topic sort last by name. */
const fileName = (topic: string, nextOffset: string): string => `${topic}.${nextOffset.padStart(20, '0')}${SUFFIX}`;

const fsyncDirectory = async (dir: string): Promise<void> => {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
};

/**
 * Snapshot files in one directory. A snapshot is only a cache of the story log: anything wrong with a file means
 * it is skipped, never that the service stops.
 */
export class SnapshotStore {
  constructor(
    private readonly dir: string,
    private readonly onRejected: RejectedSnapshot = () => undefined,
  ) {}

  /**
   * Atomic: the bytes go to a temporary file that is fsynced, renamed over the final name and the directory
   * fsynced, so a crash at any point leaves the previous file or the complete new one, never a torn one under the
   * final name. Temporary names are unique, so two instances sharing the directory do not write into each other.
   */
  async write(position: SnapshotPosition, payload: Buffer, createdAt = new Date()): Promise<{ path: string; bytes: number }> {
    await mkdir(this.dir, { recursive: true });
    const parts = await encodeSnapshot(position, payload, createdAt);
    const path = join(this.dir, fileName(position.storyLogTopic, position.nextOffset));
    const tmp = join(this.dir, `.${fileName(position.storyLogTopic, position.nextOffset)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    try {
      const handle = await open(tmp, 'wx');
      try {
        for (const part of parts) await handle.writeFile(part);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(tmp, path);
    } catch (error) {
      await unlink(tmp).catch(() => undefined);
      throw error;
    }
    await fsyncDirectory(this.dir);
    return { path, bytes: parts.reduce((sum, part) => sum + part.length, 0) };
  }

  /**
   * The newest snapshot of the topic that decodes and that `accept` takes (it returns a reason to refuse one),
   * falling back to older files; undefined when there is none, or no directory yet.
   */
  async loadLatest(topic: string, accept: (snapshot: StoredSnapshot) => string | undefined = () => undefined): Promise<StoredSnapshot | undefined> {
    for (const name of (await this.snapshotNames(topic)).reverse()) {
      const path = join(this.dir, name);
      const file = await readFile(path).catch((error: Error) => error);
      const decoded = file instanceof Error ? { ok: false as const, reason: file.message } : await decodeSnapshot(file);
      if (!decoded.ok) {
        this.onRejected(path, decoded.reason);
        continue;
      }
      if (decoded.header.storyLogTopic !== topic) {
        this.onRejected(path, `it is a snapshot of ${decoded.header.storyLogTopic}, not ${topic}`);
        continue;
      }
      const snapshot = { path, file: file as Buffer, header: decoded.header, state: decoded.state };
      const refusal = accept(snapshot);
      if (refusal === undefined) return snapshot;
      this.onRejected(path, refusal);
    }
    return undefined;
  }

  /**
   * Renames a snapshot that can never be used (`.stale`): it is no longer read at each start, nor counted among the
   * newest by `prune`, which would otherwise keep it and delete the usable ones that sort before it. Kept rather than
   * deleted, since it may be good for another cluster than the one this instance reads now.
   */
  async setAside(path: string): Promise<void> {
    await rename(path, `${path}.stale`);
  }

  /** Keeps the newest `keep` snapshots of the topic (an older one is the fallback if the newest turns out bad). */
  async prune(topic: string, keep: number): Promise<string[]> {
    const names = await this.snapshotNames(topic);
    const doomed = names.slice(0, Math.max(0, names.length - keep));
    const now = Date.now();
    for (const name of await this.entries()) {
      if (!name.endsWith('.tmp')) continue;
      const modified = await stat(join(this.dir, name)).then((s) => s.mtimeMs, () => now);
      if (now - modified > ABANDONED_TMP_MS) doomed.push(name);
    }
    await Promise.all(doomed.map((name) => unlink(join(this.dir, name)).catch(() => undefined)));
    return doomed;
  }

  private async entries(): Promise<string[]> {
    try {
      return await readdir(this.dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
  }

  private async snapshotNames(topic: string): Promise<string[]> {
    return (await this.entries()).filter((name) => name.startsWith(`${topic}.`) && OFFSET_AND_SUFFIX.test(name.slice(topic.length + 1))).sort();
  }
}
