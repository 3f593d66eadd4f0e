import { decodeCursor, encodeCursor } from './story-cursor';

describe('story cursor', () => {
  it('round-trips the keyset through an opaque URL-safe string', () => {
    const cursor = { updatedAt: '2024-05-01T10:00:00.123Z', id: 'st-00ff/+?&=' };
    const text = encodeCursor(cursor);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(text)).toEqual(cursor);
  });

  it.each([
    ['not base64 JSON', 'nope!'],
    ['JSON of another shape', Buffer.from('{"updatedAt":"2024-05-01T10:00:00Z"}').toString('base64url')],
    ['a time that is not ISO', Buffer.from('["yesterday","st-1"]').toString('base64url')],
    ['a year PostgreSQL cannot store', Buffer.from('["0000-01-01T00:00:00Z","st-1"]').toString('base64url')],
    ['an empty id', Buffer.from('["2024-05-01T10:00:00Z",""]').toString('base64url')],
    ['an id with a NUL, which PostgreSQL text cannot hold', Buffer.from('["2024-05-01T10:00:00Z","st-\\u0000"]').toString('base64url')],
    ['an id too long to be a key', Buffer.from(JSON.stringify(['2024-05-01T10:00:00Z', 'x'.repeat(2000)])).toString('base64url')],
  ])('rejects %s', (_, text) => {
    expect(decodeCursor(text)).toBeUndefined();
  });
});
