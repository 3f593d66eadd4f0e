import { MAX_TIMELINE_PAGE, parseStoryDetailQuery } from './story-detail.query';

describe('parseStoryDetailQuery', () => {
  it('reads the whole story from its start, 500 timeline entries at a time, by default', () => {
    expect(parseStoryDetailQuery({})).toEqual({ ok: true, value: { after: 0, limit: 500 } });
    expect(parseStoryDetailQuery({ after: '812', limit: '20' })).toEqual({ ok: true, value: { after: 812, limit: 20 } });
  });

  it.each([
    [{ after: '-1' }, "after must be a seq from this story's timeline"],
    [{ after: 'abc' }, "after must be a seq from this story's timeline"],
    [{ limit: '0' }, `limit must be an integer from 1 to ${MAX_TIMELINE_PAGE}`],
    [{ limit: String(MAX_TIMELINE_PAGE + 1) }, `limit must be an integer from 1 to ${MAX_TIMELINE_PAGE}`],
    [{ limit: ['5', '6'] }, `limit must be an integer from 1 to ${MAX_TIMELINE_PAGE}`],
    [{ page: '2' }, 'unknown query parameter page: use after, limit'],
  ])('refuses %j saying what to send', (query, message) => {
    expect(parseStoryDetailQuery(query)).toEqual({ ok: false, message: expect.stringContaining(message) });
  });
});
