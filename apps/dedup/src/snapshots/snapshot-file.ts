import { createHash, webcrypto } from 'node:crypto';
import { deserialize, serialize } from 'node:v8';
import { z } from 'zod';

/** Bumped whenever the file layout below changes; files of another version are ignored (a full replay follows). */
export const SNAPSHOT_FORMAT_VERSION = 1;
const FORMAT = 'newsroom-story-snapshot';
const DIGEST_BYTES = 32;
const NEWLINE = 0x0a;

const offset = z.string().regex(/^\d+$/, 'must be a decimal offset');

const headerSchema = z.object({
  format: z.literal(FORMAT),
  formatVersion: z.number().int(),
  storyLogTopic: z.string().min(1),
  /** The offset of the next story event to replay: everything before it is in the state. */
  nextOffset: offset,
  /** The last event folded into the state: a restore checks the log still holds it there, so a snapshot of a
   * deleted-and-recreated topic is not applied to a different log. */
  lastEvent: z.object({ offset, eventId: z.string().min(1) }),
  createdAt: z.iso.datetime(),
});

export type SnapshotHeader = z.infer<typeof headerSchema>;
export type SnapshotPosition = Pick<SnapshotHeader, 'storyLogTopic' | 'nextOffset' | 'lastEvent'>;

export type DecodedSnapshot = { ok: true; header: SnapshotHeader; state: unknown } | { ok: false; reason: string };

const sha256 = async (bytes: Uint8Array): Promise<Buffer> => Buffer.from(await webcrypto.subtle.digest('SHA-256', bytes));

/** The trailer covers the header bytes and the payload digest, so a flipped bit anywhere is caught. */
const trailerOf = (header: Uint8Array, payloadDigest: Buffer): Buffer => createHash('sha256').update(header).update(payloadDigest).digest();

/**
 * The engine state in V8's structured-clone format: compact, and free of the string-length ceiling one JSON text
 * of a large state would hit. This is the part of a snapshot that runs on the event loop.
 */
export const serializeState = (state: unknown): Buffer => serialize(state);

/**
 * A snapshot file: one JSON header line, the serialized state, then a SHA-256 trailer. The payload digest is
 * computed by WebCrypto, which runs on the libuv pool rather than the event loop. Returns the parts in write
 * order, so a payload of hundreds of megabytes is never copied into one buffer.
 */
export const encodeSnapshot = async (position: SnapshotPosition, payload: Buffer, createdAt: Date): Promise<Buffer[]> => {
  const header: SnapshotHeader = { format: FORMAT, formatVersion: SNAPSHOT_FORMAT_VERSION, ...position, createdAt: createdAt.toISOString() };
  const headerLine = Buffer.from(`${JSON.stringify(header)}\n`, 'utf8');
  return [headerLine, payload, trailerOf(headerLine, await sha256(payload))];
};

/** Never throws: a torn, corrupt, foreign or old-format file is a reason, and the caller falls back to the log. */
export const decodeSnapshot = async (file: Buffer): Promise<DecodedSnapshot> => {
  if (file.length <= DIGEST_BYTES) return { ok: false, reason: `${file.length} bytes is too short to be a snapshot` };
  const newline = file.indexOf(NEWLINE);
  if (newline < 0 || newline >= file.length - DIGEST_BYTES) return { ok: false, reason: 'no header line' };
  const headerLine = file.subarray(0, newline + 1);
  const payload = file.subarray(newline + 1, file.length - DIGEST_BYTES);
  const trailer = file.subarray(file.length - DIGEST_BYTES);
  if (!trailerOf(headerLine, await sha256(payload)).equals(trailer)) return { ok: false, reason: 'checksum mismatch (torn or corrupt file)' };
  let json: unknown;
  try {
    json = JSON.parse(headerLine.toString('utf8'));
  } catch {
    return { ok: false, reason: 'header is not JSON' };
  }
  const header = headerSchema.safeParse(json);
  if (!header.success) return { ok: false, reason: `header: ${header.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}` };
  if (header.data.formatVersion !== SNAPSHOT_FORMAT_VERSION) {
    return { ok: false, reason: `format version ${header.data.formatVersion}, this build reads ${SNAPSHOT_FORMAT_VERSION}` };
  }
  try {
    return { ok: true, header: header.data, state: deserialize(payload) };
  } catch (error) {
    return { ok: false, reason: `payload does not deserialize: ${(error as Error).message}` };
  }
};
