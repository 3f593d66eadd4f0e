import { lagByPartition } from './consumer-lag';

describe('lagByPartition', () => {
  it('is the distance from the committed offset to the end, per partition, in partition order', () => {
    expect(
      lagByPartition(
        [
          { partition: 1, high: '120', low: '0' },
          { partition: 0, high: '100', low: '0' },
        ],
        [
          { partition: 0, offset: '90' },
          { partition: 1, offset: '120' },
        ],
      ),
    ).toEqual([
      { partition: 0, lag: 10 },
      { partition: 1, lag: 0 },
    ]);
  });

  it('counts an uncommitted partition from the earliest record kept', () => {
    expect(lagByPartition([{ partition: 0, high: '50', low: '20' }], [{ partition: 0, offset: '-1' }])).toEqual([{ partition: 0, lag: 30 }]);
    expect(lagByPartition([{ partition: 0, high: '50', low: '0' }], [])).toEqual([{ partition: 0, lag: 50 }]);
  });
});
