import { boundedSends } from './bounded-sends';

const record = (valueBytes: number, key: string | null = 'k') => ({ topic: 't', key, value: 'x'.repeat(valueBytes) });

describe('boundedSends', () => {
  it('keeps a small transaction in one send', () => {
    const records = [record(10), record(20), record(30)];
    expect(boundedSends(records, 10_000)).toEqual([records]);
  });

  it('splits so that no send exceeds the bound, in order, losing nothing', () => {
    const records = Array.from({ length: 200 }, (_, i) => record(4_000 + i));
    const sends = boundedSends(records, 100_000);
    expect(sends.flat()).toEqual(records);
    expect(sends.length).toBeGreaterThan(8);
    for (const send of sends) expect(send.reduce((sum, r) => sum + 100 + 1 + r.value!.length, 0)).toBeLessThanOrEqual(100_000);
  });

  it('counts bytes, not characters, and gives an oversized record a send of its own', () => {
    const wide = { topic: 't', key: null, value: 'é'.repeat(600) }; // 1200 bytes
    expect(boundedSends([record(10), wide, record(10)], 1_000)).toEqual([[record(10)], [wide], [record(10)]]);
  });

  it('has nothing to send for nothing', () => {
    expect(boundedSends([], 1_000)).toEqual([]);
  });
});
