type TypedArray = Uint32Array | Int32Array | Float32Array | Float64Array | Uint16Array | Uint8Array;
type TypedArrayCtor<T extends TypedArray> = { new (length: number): T };

/** Returns `array` when it already holds `needed` elements, otherwise a doubled copy. */
export const ensureCapacity = <T extends TypedArray>(array: T, needed: number, ctor: TypedArrayCtor<T>): T => {
  if (array.length >= needed) return array;
  const grown = new ctor(Math.max(needed, array.length * 2, 16));
  grown.set(array);
  return grown;
};

export const toBase64 = (array: TypedArray): string => Buffer.from(array.buffer, array.byteOffset, array.byteLength).toString('base64');

export const fromBase64 = <T extends TypedArray>(text: string, ctor: TypedArrayCtor<T> & { BYTES_PER_ELEMENT: number }): T => {
  const bytes = Buffer.from(text, 'base64');
  const out = new ctor(bytes.length / ctor.BYTES_PER_ELEMENT);
  new Uint8Array(out.buffer).set(bytes);
  return out;
};
