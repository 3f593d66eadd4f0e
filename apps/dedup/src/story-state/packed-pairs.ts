/** Marks a packed list in the serialized state; no engine snapshot field is named like this. */
const PACKED = '__packedNumberPairs';

/** Where a packed list's numbers sit in the pool: [first index, pair count]. */
type PackedRef = { [PACKED]: [number, number] };

export interface PackedState {
  readonly tree: unknown;
  /** Every packed list's pairs, flattened (key, value, key, value …), in one buffer. */
  readonly pool: Float64Array;
}

const isNumberPairs = (value: unknown[]): value is [number, number][] => {
  if (value.length === 0) return false;
  for (let i = 0; i < value.length; i++) {
    const e = value[i];
    if (!Array.isArray(e) || e.length !== 2 || typeof e[0] !== 'number' || typeof e[1] !== 'number') return false;
  }
  return true;
};

const isPlainObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !ArrayBuffer.isView(value);

/** Copies an object key by key; defining (not assigning) keeps a key named `__proto__` an own property. */
const mapValues = (value: Record<string, unknown>, walk: (v: unknown) => unknown): Record<string, unknown> => {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    Object.defineProperty(out, key, { value: walk(value[key]), enumerable: true, writable: true, configurable: true });
  }
  return out;
};

/**
 * The engine's snapshot keeps its maps as lists of [number, number] pairs: a story's term weights, its entities,
 * the document frequencies; tens of millions of two-element arrays at 100k stories. V8's serializer handles each
 * as an object, and reading them back took longer than replaying the log. Here they all go, exactly (float64), into
 * one buffer: one allocation, copied as plain bytes. Everything else stays as it is, so the packing follows the
 * engine's snapshot shape without knowing it.
 */
export const packPairs = (state: unknown): PackedState => {
  let pool = new Float64Array(1 << 16);
  let used = 0;
  const walk = (value: unknown): unknown => {
    if (Array.isArray(value)) {
      if (!isNumberPairs(value)) return value.map(walk);
      if (used + 2 * value.length > pool.length) {
        const grown = new Float64Array(Math.max(pool.length * 2, used + 2 * value.length));
        grown.set(pool.subarray(0, used));
        pool = grown;
      }
      const ref: PackedRef = { [PACKED]: [used, value.length] };
      for (let i = 0; i < value.length; i++) {
        pool[used++] = value[i][0];
        pool[used++] = value[i][1];
      }
      return ref;
    }
    if (!isPlainObject(value)) return value;
    return mapValues(value, walk);
  };
  const tree = walk(state);
  return { tree, pool: pool.slice(0, used) };
};

export const unpackPairs = ({ tree, pool }: PackedState): unknown => {
  const walk = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(walk);
    if (!isPlainObject(value)) return value;
    const ref = (value as Partial<PackedRef>)[PACKED];
    if (ref !== undefined) {
      const [first, count] = ref;
      const pairs: [number, number][] = new Array(count);
      for (let i = 0; i < count; i++) pairs[i] = [pool[first + 2 * i], pool[first + 2 * i + 1]];
      return pairs;
    }
    return mapValues(value, walk);
  };
  return walk(tree);
};
