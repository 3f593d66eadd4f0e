import { type KeyedRecord } from '../kafka/keyed-record';
import { RecordBatcher } from './record-batches';

const record = (key: string, valueBytes = 8): KeyedRecord => ({ key, value: 'v'.repeat(valueBytes) });
const keys = (batch: KeyedRecord[] | undefined) => batch?.map((r) => r.key);

describe('RecordBatcher', () => {
  it('completes a batch at the record count', () => {
    const batcher = new RecordBatcher(3, 1_000);
    expect(batcher.add(record('a'))).toBeUndefined();
    expect(batcher.add(record('b'))).toBeUndefined();
    expect(keys(batcher.add(record('c')))).toEqual(['a', 'b', 'c']);
    expect(batcher.flush()).toBeUndefined();
  });

  it('starts a new batch before the byte bound would be crossed', () => {
    const batcher = new RecordBatcher(100, 30);
    expect(batcher.add(record('a', 13))).toBeUndefined(); // 14 bytes
    expect(batcher.add(record('b', 13))).toBeUndefined(); // 28 bytes
    expect(keys(batcher.add(record('c', 13)))).toEqual(['a', 'b']);
    expect(keys(batcher.flush())).toEqual(['c']);
  });

  it('sends a record larger than the byte bound on its own', () => {
    const batcher = new RecordBatcher(100, 30);
    expect(batcher.add(record('a', 5))).toBeUndefined();
    expect(keys(batcher.add(record('huge', 500)))).toEqual(['a']);
    expect(keys(batcher.add(record('b', 5)))).toEqual(['huge']);
    expect(keys(batcher.flush())).toEqual(['b']);
  });

  it('counts bytes of UTF-8, not characters', () => {
    const batcher = new RecordBatcher(100, 20);
    expect(batcher.add({ key: 'a', value: 'é'.repeat(5) })).toBeUndefined(); // 11 bytes
    expect(keys(batcher.add({ key: 'b', value: 'é'.repeat(5) }))).toEqual(['a']);
  });
});
