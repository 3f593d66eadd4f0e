import { deadLetterSchema } from '@app/contracts';
import { deadLetterFor, deadLetterKey } from './dead-letter';
import { DEAD_LETTER_KEY_BYTES, DEAD_LETTER_PAYLOAD_BYTES, MAX_OUTPUT_RECORD_BYTES } from './record-limits';

const record = (value: Buffer | null) => ({ topic: 'news.articles.v1', partition: 3, offset: '42', key: null, value, timestamp: 0 });
const reason = [{ field: '$', problem: 'is not valid JSON' }];

describe('deadLetterFor', () => {
  it('keeps a small payload whole, with the reasons and where it came from', () => {
    expect(deadLetterFor(record(Buffer.from('{"id": 7}')), reason)).toEqual({
      reasons: reason,
      source: { topic: 'news.articles.v1', partition: 3, offset: '42' },
      payload: '{"id": 7}',
      payloadEncoding: 'utf8',
    });
    expect(deadLetterFor(record(null), reason)).toMatchObject({ payload: null, payloadEncoding: 'utf8' });
    expect(deadLetterFor(record(Buffer.from([0xff, 0xfe, 0x00])), reason)).toMatchObject({ payload: '//4A', payloadEncoding: 'base64' });
  });

  it('cuts a 5 MB payload to its first bytes on a character boundary and says how big it was', () => {
    const value = Buffer.from(`{"id":"a","body":"${'é'.repeat(2_600_000)}"}`);
    const letter = deadLetterFor(record(value), reason);
    expect(letter.truncatedFrom).toBe(value.length);
    expect(letter.payloadEncoding).toBe('utf8');
    expect(Buffer.byteLength(letter.payload!)).toBeLessThanOrEqual(DEAD_LETTER_PAYLOAD_BYTES);
    expect(Buffer.byteLength(letter.payload!)).toBeGreaterThan(DEAD_LETTER_PAYLOAD_BYTES - 4);
    expect(value.subarray(0, Buffer.byteLength(letter.payload!)).toString()).toBe(letter.payload);
    expect(deadLetterSchema.safeParse(letter).success).toBe(true);
  });

  it('stays under the record bound for the worst input: escape-heavy text and enormous reasons', () => {
    const value = Buffer.from('\u0001'.repeat(5_000_000));
    const reasons = Array.from({ length: 500 }, () => ({ field: 'a.'.repeat(100_000), problem: 'x'.repeat(100_000) }));
    const letter = deadLetterFor(record(value), reasons);
    expect(Buffer.byteLength(JSON.stringify(letter))).toBeLessThan(MAX_OUTPUT_RECORD_BYTES);
    expect(letter.reasons).toHaveLength(20);
  });
});

describe('deadLetterKey', () => {
  it('keeps an ordinary key, and no key, as they came', () => {
    expect(deadLetterKey(Buffer.from('article-42'))).toEqual(Buffer.from('article-42'));
    expect(deadLetterKey(null)).toBeNull();
  });

  it('cuts a 2 MB key to its first bytes on a character boundary', () => {
    const key = Buffer.from('é'.repeat(1024 * 1024));
    const kept = deadLetterKey(key)!;
    expect(kept.length).toBeLessThanOrEqual(DEAD_LETTER_KEY_BYTES);
    expect(kept.length).toBeGreaterThan(DEAD_LETTER_KEY_BYTES - 4);
    expect(kept.toString('utf8')).toBe('é'.repeat(kept.length / 2));
  });
});
