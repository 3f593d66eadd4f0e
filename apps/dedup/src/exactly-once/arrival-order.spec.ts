import fc from 'fast-check';
import { arrivalOrder } from './arrival-order';

interface Rec {
  readonly partition: number;
  readonly offset: number;
  readonly at: number;
}

const at = (r: Rec) => r.at;

describe('arrivalOrder', () => {
  it('interleaves the partitions by timestamp', () => {
    const p0 = [{ partition: 0, offset: 0, at: 10 }, { partition: 0, offset: 1, at: 30 }];
    const p1 = [{ partition: 1, offset: 0, at: 20 }, { partition: 1, offset: 1, at: 40 }];
    expect(arrivalOrder([p0, p1], at).map((r) => `${r.partition}:${r.offset}`)).toEqual(['0:0', '1:0', '0:1', '1:1']);
  });

  it('never reorders a partition, even when its timestamps go backwards; ties go to the earlier batch', () => {
    const p0 = [{ partition: 0, offset: 0, at: 50 }, { partition: 0, offset: 1, at: 5 }];
    const p1 = [{ partition: 1, offset: 0, at: 50 }];
    expect(arrivalOrder([p0, p1], at).map((r) => `${r.partition}:${r.offset}`)).toEqual(['0:0', '0:1', '1:0']);
  });

  it('returns every record once, each partition in offset order', () => {
    const batches = fc.array(fc.array(fc.integer({ min: 0, max: 1000 }), { maxLength: 30 }), { maxLength: 8 });
    fc.assert(
      fc.property(batches, (stamps) => {
        const input = stamps.map((list, partition) => list.map((t, offset) => ({ partition, offset, at: t })));
        const merged = arrivalOrder(input, at);
        expect(merged).toHaveLength(input.flat().length);
        input.forEach((batch, partition) => expect(merged.filter((r) => r.partition === partition)).toEqual(batch));
      }),
    );
  });
});
