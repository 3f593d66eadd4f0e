import { type EngineConfig, foldSettings, fromSnapshot, type StorySnapshot, type StoryState, toSnapshot } from '@app/stories';
import { serializeState } from '../snapshots/snapshot-file';
import { packPairs, type PackedState, unpackPairs } from './packed-pairs';

/** The engine's own snapshot version this build reads; a type error here means libs/stories changed its shape. */
const STATE_VERSION: StorySnapshot['version'] = 7;

/** Typed arrays from V8's deserializer belong to Node's realm, which `instanceof` misses inside a Jest sandbox. */
const isFloat64Array = (value: unknown): value is Float64Array => Object.prototype.toString.call(value) === '[object Float64Array]';

/** The engine state as a snapshot payload: the engine's own snapshot form, its number pairs packed. */
export const encodeState = (state: StoryState): Buffer => serializeState(packPairs(toSnapshot(state)));

/**
 * Back to an engine state, if this build can use it: the same engine snapshot version, and the same settings that
 * shape the fold (a state kept with another window or index limits is not what a replay would build now). The
 * restored state decides with `engine`, whatever thresholds the snapshot was taken with.
 */
export const decodeState = (payload: unknown, engine: EngineConfig): { ok: true; state: StoryState } | { ok: false; reason: string } => {
  const packed = payload as Partial<PackedState> | null;
  if (packed === null || typeof packed !== 'object' || !isFloat64Array(packed.pool)) return { ok: false, reason: 'the payload is not a packed engine state' };
  const snapshot = unpackPairs(packed as PackedState) as Partial<StorySnapshot> | null;
  if (snapshot?.version !== STATE_VERSION) return { ok: false, reason: `engine state version ${String(snapshot?.version)}, this build reads ${STATE_VERSION}` };
  if (snapshot.config === undefined || JSON.stringify(foldSettings(snapshot.config)) !== JSON.stringify(foldSettings(engine))) {
    return { ok: false, reason: 'it was taken with another window, index limits, rare-term share or boilerplate threshold' };
  }
  try {
    return { ok: true, state: fromSnapshot({ ...(snapshot as StorySnapshot), config: engine }) };
  } catch (error) {
    return { ok: false, reason: `the engine could not restore it: ${(error as Error).message}` };
  }
};
