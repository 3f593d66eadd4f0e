/**
 * Memory after two forced collections. heapUsed misses typed-array backing stores, where the index columns live,
 * so the figure with ArrayBuffers is reported too. Needs node --expose-gc (the bench scripts pass it).
 */
export const settledMemory = (): { heap: number; withBuffers: number } => {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (!collect) throw new Error('run with node --expose-gc (the npm bench scripts do)');
  collect();
  collect();
  const m = process.memoryUsage();
  return { heap: m.heapUsed, withBuffers: m.heapUsed + m.arrayBuffers };
};
