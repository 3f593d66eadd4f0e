import { parseResumePosition } from './resume-position';

const RULE = 'Last-Event-ID (or ?lastEventId=) must be the id of an event this stream sent: a sequence number, 0 or more';

describe('parseResumePosition', () => {
  it('is live only without a position', () => {
    expect(parseResumePosition(undefined, {})).toEqual({ ok: true, after: undefined });
    expect(parseResumePosition('', {})).toEqual({ ok: true, after: undefined });
  });

  it('resumes after the header, else after the query parameter', () => {
    expect(parseResumePosition('17', {})).toEqual({ ok: true, after: 17 });
    expect(parseResumePosition(undefined, { lastEventId: '5' })).toEqual({ ok: true, after: 5 });
    // EventSource's automatic reconnect sends the header: it is newer than the URL the page opened.
    expect(parseResumePosition('17', { lastEventId: '5' })).toEqual({ ok: true, after: 17 });
  });

  it.each([
    ['-1', {}],
    ['abc', {}],
    ['1e3', {}],
    ['9999999999999999', {}],
    [undefined, { lastEventId: 'x' }],
    [undefined, { lastEventId: ['1', '2'] }],
  ])('rejects %j %j saying what to send', (header, query) => {
    expect(parseResumePosition(header, query)).toEqual({ ok: false, message: RULE });
  });

  it('names an unknown parameter', () => {
    expect(parseResumePosition(undefined, { since: '1' })).toEqual({ ok: false, message: 'unknown query parameter since: use lastEventId' });
  });
});
