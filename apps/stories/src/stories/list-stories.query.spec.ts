import { parseListStoriesQuery } from './list-stories.query';
import { encodeCursor } from './story-cursor';

describe('GET /v1/stories query', () => {
  it('defaults to the newest 50', () => {
    expect(parseListStoriesQuery({})).toEqual({ ok: true, value: { limit: 50 } });
  });

  it('reads since, limit and a cursor', () => {
    const cursor = { updatedAt: '2024-05-01T10:00:00.000Z', id: 'st-1' };
    expect(parseListStoriesQuery({ since: '2024-05-01T00:00:00+02:00', limit: '200', cursor: encodeCursor(cursor) })).toEqual({
      ok: true,
      value: { since: '2024-05-01T00:00:00+02:00', limit: 200, cursor },
    });
  });

  it.each([
    [{ limit: '0' }, 'limit must be an integer from 1 to 200'],
    [{ limit: '201' }, 'limit must be an integer from 1 to 200'],
    [{ limit: '2.5' }, 'limit must be an integer from 1 to 200'],
    [{ limit: 'ten' }, 'limit must be an integer from 1 to 200'],
    [{ limit: ['1', '2'] }, 'limit must be an integer from 1 to 200'],
    [{ since: '2024-05-01' }, 'since must be an ISO-8601 date-time with a time zone, e.g. 2024-05-01T00:00:00Z'],
    [{ since: '2024-05-01T00:00:00' }, 'since must be an ISO-8601 date-time with a time zone, e.g. 2024-05-01T00:00:00Z'],
    [{ since: '0000-01-01T00:00:00Z' }, 'since must be an ISO-8601 date-time with a time zone, e.g. 2024-05-01T00:00:00Z'],
    [{ cursor: 'garbage' }, 'cursor must be a nextCursor this API returned; drop it to start from the newest story'],
    [{ limt: '5' }, 'unknown query parameter limt: use since, limit, cursor'],
  ])('rejects %j saying what to fix', (query, message) => {
    expect(parseListStoriesQuery(query)).toEqual({ ok: false, message });
  });

  it('names every problem at once', () => {
    expect(parseListStoriesQuery({ limit: '0', since: 'now' })).toEqual({
      ok: false,
      message: 'since must be an ISO-8601 date-time with a time zone, e.g. 2024-05-01T00:00:00Z; limit must be an integer from 1 to 200',
    });
  });
});
