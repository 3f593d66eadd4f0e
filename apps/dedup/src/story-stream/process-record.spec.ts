import { type DeadLetter, type StoryEvent } from '@app/contracts';
import { emptyState } from '@app/stories';
import { loadFixture } from '@app/stories/testing/fixture-stream';
import { MAX_AHEAD_OF_CLOCK_MS, processRecord } from './process-record';
import { MAX_OUTPUT_RECORD_BYTES } from './record-limits';

const record = (value: unknown, offset = 7) => ({
  topic: 'news.articles.v1',
  partition: 2,
  offset: String(offset),
  key: null,
  value: Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)),
  timestamp: Date.UTC(2024, 0, 1),
});
/** The service's clock in these tests: a year after the records' timestamps. */
const NOW = Date.UTC(2025, 0, 1);
const letterOf = (outcome: ReturnType<typeof processRecord>): DeadLetter => {
  if (outcome.kind !== 'dead-letter') throw new Error('expected a dead letter');
  return outcome.deadLetter;
};

describe('processRecord', () => {
  const [seed] = loadFixture('seeds.articles.ndjson');

  it('decides an article, folds its events in, and keys its ids on the input record', () => {
    const state = emptyState();
    const outcome = processRecord(state, record(seed), 1024 * 1024, NOW);
    expect(outcome.kind).toBe('story');
    const { events, serialized } = outcome as { events: StoryEvent[]; serialized: string[] };
    expect(events).toMatchObject([{ type: 'StoryStarted', articleId: seed.id, eventId: 'news.articles.v1-2-7#0' }]);
    expect(serialized.map((json) => JSON.parse(json) as unknown)).toEqual(events);
    expect(state.stories.size).toBe(1);
  });

  it('refuses invalid input with the reasons and the source, leaving the state alone', () => {
    const state = emptyState();
    const letter = letterOf(processRecord(state, record({ id: 'x' }), 1024 * 1024, NOW));
    expect(letter).toMatchObject({ reasons: [{ field: 'body' }], source: { topic: 'news.articles.v1', partition: 2, offset: '7' } });
    expect(state.stories.size).toBe(0);
  });

  it('refuses an article whose story event would not fit in a story-log record, before folding anything', () => {
    const state = emptyState();
    // 80,000 distinct words, under the 1 MiB body limit: the fingerprint alone (every term with its count)
    // outgrows the record bound.
    const body = Array.from({ length: 80_000 }, (_, i) => `w${i.toString(36)}x${(i * 7919).toString(36)}`).join(' ');
    const letter = letterOf(processRecord(state, record({ id: 'wordy', body }), 1024 * 1024, NOW));
    expect(letter.reasons).toEqual([{ field: '$', problem: expect.stringMatching(/^makes a story event of \d+ bytes/), limit: MAX_OUTPUT_RECORD_BYTES }]);
    expect(state.stories.size).toBe(0);
  });

  it('refuses an article without publishedAt whose record timestamp is past the year 9999, which no replay could read back', () => {
    const state = emptyState();
    const { publishedAt: _dropped, ...undated } = seed;
    const letter = letterOf(processRecord(state, { ...record(undated), timestamp: Date.UTC(10_000, 0, 1) }, 1024 * 1024, NOW));
    expect(letter.reasons).toEqual([{ field: '$', problem: expect.stringMatching(/^has no publishedAt, and its record timestamp \d+ is outside the years 1 to 9999$/) }]);
    expect(state.stories.size).toBe(0);
  });

  it('refuses JSON nested without end with a reason naming the limit', () => {
    const nested = `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`;
    const letter = letterOf(processRecord(emptyState(), record(nested), 1024 * 1024, NOW));
    expect(letter.reasons).toEqual([{ field: expect.stringMatching(/^a(\.a)+$/), problem: 'nests deeper than 64 levels', limit: 64 }]);
  });

  it('turns an exception while deciding into a dead letter: nothing of the state changed, so nothing is lost', () => {
    const state = emptyState();
    // An engine defect, simulated: the first look-up of learned boilerplate throws.
    const edges = state.edgeParagraphs;
    let failed = false;
    state.edgeParagraphs = new Proxy(edges, {
      get: (target, property) => {
        if (property === 'get' && !failed) {
          failed = true;
          return () => {
            throw new RangeError('simulated engine defect');
          };
        }
        const value = Reflect.get(target, property, target) as unknown;
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
    const letter = letterOf(processRecord(state, record(seed), 1024 * 1024, NOW));
    expect(letter.reasons).toEqual([{ field: '$', problem: 'could not be processed: simulated engine defect' }]);
    expect(state.stories.size).toBe(0);
    expect(processRecord(state, record(seed), 1024 * 1024, NOW).kind).toBe('story');
  });

  it('decides an article dated past the clock as of the clock, so one mistyped year cannot empty the window and stall eviction', () => {
    const state = emptyState();
    const day = 24 * 60 * 60 * 1000;
    const dated = (id: string, at: number) => ({ ...seed, id, publishedAt: new Date(at).toISOString() });
    expect(processRecord(state, record(dated('before', NOW - day), 1), 1024 * 1024, NOW).kind).toBe('story');
    const typo = processRecord(state, record(dated('typo', Date.UTC(2099, 0, 1)), 2), 1024 * 1024, NOW);
    const clockLimit = NOW + MAX_AHEAD_OF_CLOCK_MS;
    expect(typo).toMatchObject({ kind: 'story', aheadOfClock: Date.UTC(2099, 0, 1) });
    const [event] = (typo as { events: StoryEvent[] }).events;
    expect(event.at).toBe(new Date(clockLimit).toISOString());
    // The article keeps the time it was sent with; only the decision's clock is held back.
    expect(event.type === 'StoryStarted' || event.type === 'StoryUpdated' ? event.article.publishedAt : undefined).toBe('2099-01-01T00:00:00.000Z');
    // The earlier article is still in the window, and eviction still follows the feed: nine days on, both are gone.
    expect(state.articleSlots.has('before')).toBe(true);
    processRecord(state, record(dated('later', NOW + 9 * day), 3), 1024 * 1024, NOW + 9 * day);
    expect([...state.articleSlots.keys()]).toEqual(['later']);
  });

  it('takes an article within a day ahead of the clock at its own time', () => {
    const state = emptyState();
    const soon = NOW + MAX_AHEAD_OF_CLOCK_MS;
    const outcome = processRecord(state, record({ ...seed, publishedAt: new Date(soon).toISOString() }), 1024 * 1024, NOW);
    expect(outcome.kind).toBe('story');
    expect(outcome).not.toHaveProperty('aheadOfClock');
    expect((outcome as { events: StoryEvent[] }).events[0].at).toBe(new Date(soon).toISOString());
  });
});
