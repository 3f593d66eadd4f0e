import { snapshotDue } from './snapshot-schedule';

describe('snapshotDue', () => {
  const policy = { everyEvents: 5000, everyMs: 60_000 };

  it('after N events or T ms, whichever comes first', () => {
    expect(snapshotDue(policy, 4999, 59_999)).toBe(false);
    expect(snapshotDue(policy, 5000, 10)).toBe(true);
    expect(snapshotDue(policy, 1, 60_000)).toBe(true);
  });

  it('not when nothing happened since the last one, however long ago', () => {
    expect(snapshotDue(policy, 0, 3_600_000)).toBe(false);
  });
});
