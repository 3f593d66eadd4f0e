import { gaugeReading, type OpsSnapshot, SAMPLE_SOURCES } from './ops-snapshot';

const snapshot = (problems: string[]): OpsSnapshot => ({
  at: '2026-01-01T00:00:00.000Z',
  throughput: { in: [], out: [] },
  lag: { total: [], partitions: [{ partition: 0, lag: 12 } as never] },
  figures: { stories: 40, projectedEvents: 90, relations: { new: 40, duplicate: 20, syndicated: 20, rewrite: 10 }, mostUpdated: [] },
  deadLetters: { count: 3, recent: [] },
  health: [],
  problems,
});
const stories = (s: OpsSnapshot) => s.figures.stories;

describe('gaugeReading', () => {
  it('reads the figure of the last sample', () => {
    expect(gaugeReading(snapshot([]), SAMPLE_SOURCES.readModel, stories)).toBe(40);
  });

  it('is NaN before the first sample and while its own source cannot be read, not a reassuring zero', () => {
    expect(gaugeReading(undefined, SAMPLE_SOURCES.readModel, stories)).toBeNaN();
    expect(gaugeReading(snapshot(['read model: connection refused']), SAMPLE_SOURCES.readModel, stories)).toBeNaN();
  });

  it('keeps reading a figure whose source answered while another did not', () => {
    expect(gaugeReading(snapshot(['dedup consumer lag: broker down', 'kafka: broker down']), SAMPLE_SOURCES.readModel, stories)).toBe(40);
  });
});
