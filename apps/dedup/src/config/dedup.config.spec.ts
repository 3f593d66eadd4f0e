import { loadDedupConfig } from './dedup.config';

describe('dedup configuration', () => {
  it('fills defaults around the required broker list', () => {
    const config = loadDedupConfig({ KAFKA_BROKERS: '127.0.0.1:9092' });
    expect(config).toMatchObject({ PORT: 3001, STORY_WINDOW_DAYS: 7, MAX_BODY_BYTES: 1048576, DEDUP_RECORDS_PER_TRANSACTION: 200 });
  });

  it('names the missing broker list', () => {
    expect(() => loadDedupConfig({})).toThrow(/KAFKA_BROKERS/);
  });

  it('names a bad port and shows what it got', () => {
    expect(() => loadDedupConfig({ KAFKA_BROKERS: 'k:9092', PORT: 'abc' })).toThrow(/PORT: PORT must be a number \(got "abc"\)/);
    expect(() => loadDedupConfig({ KAFKA_BROKERS: 'k:9092', PORT: '70000' })).toThrow(/PORT must be at most 65535/);
  });

  it('reports every bad variable at once', () => {
    expect(() => loadDedupConfig({ KAFKA_BROKERS: 'k:9092', STORY_WINDOW_DAYS: '0', LOG_LEVEL: 'loud' })).toThrow(/STORY_WINDOW_DAYS.*LOG_LEVEL/);
  });
});
