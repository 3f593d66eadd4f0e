import { type StoriesMerged, storiesMergedSchema } from '@app/contracts';
import { MAX_ID_BYTES } from '../database/storable-ids';
import { parseStoryEvent } from './parse-story-event';

const merged: StoriesMerged = storiesMergedSchema.parse({
  type: 'StoriesMerged',
  storyId: 'st-a',
  eventId: 'news.articles.v1-0-7#1',
  at: '2024-05-01T10:00:00+02:00',
  mergedStoryIds: ['st-b'],
});
const bytes = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value), 'utf8');

describe('parseStoryEvent', () => {
  it('accepts a story event as the contract defines it', () => {
    expect(parseStoryEvent(bytes(merged))).toEqual({ ok: true, event: merged });
  });

  it.each([
    ['a tombstone', null, 'empty value: a tombstone is not a story event'],
    ['text that is not JSON', bytes('{"type":'), /^not JSON: /],
    ['an unknown event type', bytes({ ...merged, type: 'StoryDeleted' }), /^not a story event: type: /],
    ['a merge naming no story', bytes({ ...merged, mergedStoryIds: [] }), /^not a story event: mergedStoryIds: /],
    ['a time without a zone', bytes({ ...merged, at: '2024-05-01T10:00:00' }), /^not a story event: at: /],
    ['a year PostgreSQL cannot store', bytes({ ...merged, at: '0000-06-01T10:00:00Z' }), 'at: must be a time between the years 1 and 9999 (UTC)'],
    ['a story id too long to index', bytes({ ...merged, storyId: 'é'.repeat(MAX_ID_BYTES) }), `storyId: must be at most ${MAX_ID_BYTES} bytes of UTF-8`],
    ['a merged story id too long to index', bytes({ ...merged, mergedStoryIds: ['st-b', 'x'.repeat(MAX_ID_BYTES + 1)] }), `mergedStoryIds.1: must be at most ${MAX_ID_BYTES} bytes of UTF-8`],
  ])('rejects %s with a reason', (_, value, reason) => {
    const parsed = parseStoryEvent(value);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toMatch(reason);
  });

  it('takes an id of exactly the limit', () => {
    expect(parseStoryEvent(bytes({ ...merged, eventId: 'x'.repeat(MAX_ID_BYTES) })).ok).toBe(true);
  });

  it('replaces a lone surrogate, which is not text PostgreSQL can store, instead of failing the batch', () => {
    const parsed = parseStoryEvent(bytes('{"type":"StoriesMerged","storyId":"st-a","eventId":"e\\ud800","at":"2024-05-01T10:00:00+02:00","mergedStoryIds":["st-b"]}'));
    expect(parsed).toEqual({ ok: true, event: { ...merged, eventId: 'e\uFFFD' } });
  });

  it('replaces NUL characters, which PostgreSQL text cannot hold, instead of failing the batch', () => {
    const parsed = parseStoryEvent(bytes({ ...merged, mergedStoryIds: ['st-\u0000b'] }));
    expect(parsed).toEqual({ ok: true, event: { ...merged, mergedStoryIds: ['st-\uFFFDb'] } });
  });
});
