import { type Admin } from 'kafkajs';
import { lagByPartition, readConsumerLag } from './consumer-lag';

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

describe('readConsumerLag', () => {
  it('passes a failed read on only once the other read has finished too, so nothing of it outlives the sample', async () => {
    let finishEnds: (ends: { partition: number; offset: string; high: string; low: string }[]) => void = () => undefined;
    const admin = {
      fetchTopicOffsets: () => new Promise((resolve) => (finishEnds = resolve)),
      fetchOffsets: () => Promise.reject(new Error('group coordinator not available')),
    } as unknown as Admin;
    let settled = false;
    const lag = readConsumerLag(admin, 'dedup', 'news.articles.v1').finally(() => (settled = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toBe(false);
    finishEnds([{ partition: 0, offset: '5', high: '5', low: '0' }]);
    await expect(lag).rejects.toThrow('group coordinator not available');
  });

  it('reads the lag when both reads succeed', async () => {
    const admin = {
      fetchTopicOffsets: async () => [{ partition: 0, offset: '50', high: '50', low: '0' }],
      fetchOffsets: async () => [{ topic: 'news.articles.v1', partitions: [{ partition: 0, offset: '45', metadata: null }] }],
    } as unknown as Admin;
    await expect(readConsumerLag(admin, 'dedup', 'news.articles.v1')).resolves.toEqual([{ partition: 0, lag: 5 }]);
  });
});
