/**
 * The MinHash inner loop as a WebAssembly SIMD kernel: 128 murmur3 finalisers per shingle are the engine's heaviest
 * arithmetic, and four lanes at a time run it several times faster than the best scalar JavaScript. The module is
 * assembled here from named instructions (no toolchain, no binary blob); the property tests in minhash.spec pin it to
 * the scalar definition, mix32(shingle, seed) minimised per slot.
 *
 * Memory layout: [0, 512) the 128 seeds, [512, 1024) the signature it writes, [1024, ...) the shingle hashes.
 * In WAT, minhash(n) is:
 *   for (s = 0; s < 512; s += 16):                       ;; four seeds per v128
 *     seed = v128.load(s); least = all ones
 *     for (j = 0; j < n; j++):
 *       h = v128.load32_splat(1024 + 4j) ^ seed
 *       h = i32x4.mul(h ^ (h >>> 16), 0x85ebca6b); h = i32x4.mul(h ^ (h >>> 13), 0xc2b2ae35); h ^= h >>> 16
 *       least = i32x4.min_u(least, h)
 *     v128.store(512 + s, least)
 */

const SLOTS = 128;
const SEEDS_AT = 0;
const SIGNATURE_AT = SLOTS * 4;
const SHINGLES_AT = SLOTS * 8;
const PAGE = 65536;

const uleb = (value: number): number[] => {
  const out: number[] = [];
  let n = value >>> 0;
  do {
    const byte = n & 0x7f;
    n >>>= 7;
    out.push(n === 0 ? byte : byte | 0x80);
  } while (n !== 0);
  return out;
};

const sleb = (value: number): number[] => {
  const out: number[] = [];
  let n = value | 0;
  for (;;) {
    const byte = n & 0x7f;
    n >>= 7;
    const done = (n === 0 && (byte & 0x40) === 0) || (n === -1 && (byte & 0x40) !== 0);
    out.push(done ? byte : byte | 0x80);
    if (done) return out;
  }
};

const vector = (items: number[][]): number[] => [...uleb(items.length), ...items.flat()];
const section = (id: number, body: number[]): number[] => [id, ...uleb(body.length), ...body];
const name = (text: string): number[] => vector([...Buffer.from(text, 'utf8')].map((byte) => [byte]));
const simd = (opcode: number): number[] => [0xfd, ...uleb(opcode)];
const splatConstant = (value: number): number[] => [...simd(0x0c), ...new Uint8Array(Int32Array.of(value, value, value, value).buffer)];

const I32 = 0x7f;
const V128 = 0x7b;
/** Alignment exponent and offset of a memory access. */
const memarg = (align: number, offset: number): number[] => [align, ...uleb(offset)];
const op = {
  get: (local: number) => [0x20, ...uleb(local)],
  set: (local: number) => [0x21, ...uleb(local)],
  tee: (local: number) => [0x22, ...uleb(local)],
  i32: (value: number) => [0x41, ...sleb(value)],
  i32Add: [0x6a],
  i32Shl: [0x74],
  i32LtU: [0x49],
  i32Eqz: [0x45],
  block: [0x02, 0x40],
  loop: [0x03, 0x40],
  end: [0x0b],
  brIf: (depth: number) => [0x0d, ...uleb(depth)],
  v128Load: (offset: number) => [...simd(0x00), ...memarg(4, offset)],
  v128Store: (offset: number) => [...simd(0x0b), ...memarg(4, offset)],
  load32Splat: (offset: number) => [...simd(0x09), ...memarg(2, offset)],
  xor: simd(0x51),
  shrU: simd(0xad),
  mul: simd(0xb5),
  minU: simd(0xb7),
};

// Locals: the parameter n, then s and j (i32), then seed, least and h (v128).
const [N, S, J, SEED, LEAST, H] = [0, 1, 2, 3, 4, 5];
/** Pushes h ^ (h >>> bits). */
const xorShift = (bits: number) => [...op.get(H), ...op.get(H), ...op.i32(bits), ...op.shrU, ...op.xor];

const body = [
  ...op.i32(0), ...op.set(S),
  ...op.loop,
  ...op.get(S), ...op.v128Load(SEEDS_AT), ...op.set(SEED),
  ...splatConstant(-1), ...op.set(LEAST),
  ...op.i32(0), ...op.set(J),
  ...op.block,
  ...op.get(N), ...op.i32Eqz, ...op.brIf(0),
  ...op.loop,
  ...op.get(J), ...op.i32(2), ...op.i32Shl, ...op.load32Splat(SHINGLES_AT), ...op.get(SEED), ...op.xor, ...op.set(H),
  ...xorShift(16), ...splatConstant(0x85ebca6b), ...op.mul, ...op.set(H),
  ...xorShift(13), ...splatConstant(0xc2b2ae35), ...op.mul, ...op.set(H),
  ...xorShift(16), ...op.get(LEAST), ...op.minU, ...op.set(LEAST),
  ...op.get(J), ...op.i32(1), ...op.i32Add, ...op.tee(J), ...op.get(N), ...op.i32LtU, ...op.brIf(0),
  ...op.end,
  ...op.end,
  ...op.get(S), ...op.get(LEAST), ...op.v128Store(SIGNATURE_AT),
  ...op.get(S), ...op.i32(16), ...op.i32Add, ...op.tee(S), ...op.i32(SIGNATURE_AT - SEEDS_AT), ...op.i32LtU, ...op.brIf(0),
  ...op.end,
  ...op.end,
];
const code = [...vector([[2, I32], [3, V128]]), ...body];

const MODULE = new Uint8Array([
  ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
  ...section(1, vector([[0x60, ...vector([[I32]]), ...vector([])]])), // type: (i32) -> ()
  ...section(3, vector([[0]])), // one function of that type
  ...section(5, vector([[0x00, 1]])), // one memory, one page to start
  ...section(7, vector([[...name('minhash'), 0x00, 0], [...name('memory'), 0x02, 0]])),
  ...section(10, vector([[...uleb(code.length), ...code]])),
]);

/**
 * A MinHash over the given 128 seeds: slot i of a signature is the least mix32(shingle, seeds[i]) over the shingles
 * (0xffffffff when there are none). Each kernel owns its module instance and memory.
 */
export const minhashKernel = (seeds: Int32Array): ((shingles: ArrayLike<number>) => number[]) => {
  if (seeds.length !== SLOTS) throw new Error(`the MinHash kernel takes ${SLOTS} seeds, not ${seeds.length}`);
  const instance = new WebAssembly.Instance(new WebAssembly.Module(MODULE));
  const run = instance.exports.minhash as (count: number) => void;
  const memory = instance.exports.memory as WebAssembly.Memory;
  new Int32Array(memory.buffer, SEEDS_AT, SLOTS).set(seeds);
  // Views are made again only when growing replaces the buffer; a plain loop copies the signature out, where
  // Array.from over a typed array goes through the iterator protocol.
  let signature = new Uint32Array(memory.buffer, SIGNATURE_AT, SLOTS);
  return (shingles) => {
    const needed = SHINGLES_AT + shingles.length * 4;
    // Growing keeps the contents (the seeds), and the memory stays at the largest text seen.
    if (memory.buffer.byteLength < needed) {
      memory.grow(Math.ceil((needed - memory.buffer.byteLength) / PAGE));
      signature = new Uint32Array(memory.buffer, SIGNATURE_AT, SLOTS);
    }
    // Copied straight in: set() converts each value to int32, which keeps a uint32 hash's bits.
    new Int32Array(memory.buffer, SHINGLES_AT, shingles.length).set(shingles);
    run(shingles.length);
    const out = new Array<number>(SLOTS);
    for (let i = 0; i < SLOTS; i++) out[i] = signature[i];
    return out;
  };
};
