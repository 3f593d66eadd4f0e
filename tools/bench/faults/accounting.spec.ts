import { type DeadLetter } from '@app/contracts';
import { accountByInputRecord, type InputRecord, reasonCounts } from './accounting';

const T = 'news.articles.v1';
const input = (partition: number, offset: number, hostile = false): InputRecord => ({ topic: T, partition, offset: String(offset), hostile });
const event = (partition: number, offset: number, ordinal = 0, type = ordinal === 0 ? 'StoryStarted' : 'StoriesMerged') => ({
  type,
  eventId: `${T}-${partition}-${offset}#${ordinal}`,
});
const letter = (partition: number, offset: number, topic = T): DeadLetter => ({
  reasons: [{ field: 'body', problem: 'is required' }],
  source: { topic, partition, offset: String(offset) },
  payload: '{}',
  payloadEncoding: 'utf8',
});

describe('accountByInputRecord', () => {
  it('is clean when every record has exactly one article event or one dead letter; merges do not count', () => {
    const result = accountByInputRecord(
      [input(0, 0), input(0, 1), input(1, 0, true)],
      [event(0, 0), event(0, 1, 0, 'StoryUpdated'), event(0, 1, 1)],
      [letter(1, 0)],
    );
    expect(result).toEqual({
      inputRecords: 3,
      lost: [],
      duplicated: [],
      repeatedEventIds: 0,
      orphanOutputs: 0,
      hostileDeadLettered: 1,
      hostileAccepted: [],
      validDeadLettered: [],
    });
  });

  it('finds lost records, doubles of either kind or both kinds, repeated event ids and outputs with no input', () => {
    const result = accountByInputRecord(
      [input(0, 0), input(0, 1), input(0, 2), input(0, 3), input(0, 4, true)],
      [event(0, 1), event(0, 1), event(0, 3), event(0, 4), event(5, 5)],
      [letter(0, 2), letter(0, 2), letter(0, 3), letter(0, 0, 'other.topic')],
    );
    expect(result.lost).toEqual([`${T}-0-0`]);
    expect(result.duplicated).toEqual([`${T}-0-1`, `${T}-0-2`, `${T}-0-3`]);
    expect(result.repeatedEventIds).toBe(1);
    expect(result.orphanOutputs).toBe(2);
    expect(result.hostileAccepted).toEqual([`${T}-0-4`]);
    expect(result.validDeadLettered).toEqual([`${T}-0-2`, `${T}-0-3`]);
  });
});

describe('reasonCounts', () => {
  it('groups by field and the stable start of the problem, most frequent first', () => {
    const counts = reasonCounts([
      { field: '$', problem: 'is not valid JSON: Unexpected token } in JSON at position 12' },
      { field: 'body', problem: 'is required' },
      { field: '$', problem: 'is not valid JSON: Unterminated string' },
      { field: '$', problem: 'is 5242912 bytes, larger than the body limit plus envelope' },
    ]);
    expect([...counts]).toEqual([
      ['$: is not valid JSON', 2],
      ['body: is required', 1],
      ['$: is N bytes, larger than the body limit plus envelope', 1],
    ]);
  });
});
