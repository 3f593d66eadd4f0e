import { withReplication } from './ensure-topics';

const storyLog = { topic: 'news.story-events.v1', numPartitions: 1, configEntries: [{ name: 'retention.ms', value: '-1' }] };

describe('withReplication', () => {
  it("leaves the replication to the brokers' default when none is set", () => {
    expect(withReplication(storyLog, undefined)).toBe(storyLog);
  });

  it('asks for two in-sync replicas from three replicas up, keeping the spec’s own settings', () => {
    expect(withReplication(storyLog, 3)).toEqual({
      ...storyLog,
      replicationFactor: 3,
      configEntries: [
        { name: 'retention.ms', value: '-1' },
        { name: 'min.insync.replicas', value: '2' },
      ],
    });
    expect(withReplication(storyLog, 2)).toEqual({ ...storyLog, replicationFactor: 2 });
    const strict = { ...storyLog, configEntries: [{ name: 'min.insync.replicas', value: '3' }] };
    expect(withReplication(strict, 5).configEntries).toEqual([{ name: 'min.insync.replicas', value: '3' }]);
  });
});
