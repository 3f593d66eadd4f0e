import { DeadLetterTail } from './dead-letter-tail';

const letter = (offset: string, problem: string) =>
  JSON.stringify({
    reasons: [{ field: 'body', problem }],
    source: { topic: 'news.articles.v1', partition: 2, offset },
    payload: `{"id":"a-${offset}"}`,
    payloadEncoding: 'utf8',
  });
const where = { topic: 'news.articles.dlq.v1', partition: 0, offset: '0' };

describe('DeadLetterTail', () => {
  it('keeps the newest first, up to its size, and counts them all', () => {
    const tail = new DeadLetterTail(2);
    tail.add(letter('7', 'is required'), '1700000000000', where);
    tail.add(letter('8', 'is empty'), '1700000001000', where);
    tail.add(letter('9', 'is larger than 1048576 bytes of UTF-8'), '1700000002000', where);
    const { count, recent } = tail.view();
    expect(count).toBe(3);
    expect(recent.map((e) => e.source.offset)).toEqual(['9', '8']);
    expect(recent[0]).toEqual({
      at: '2023-11-14T22:13:22.000Z',
      reasons: [{ field: 'body', problem: 'is larger than 1048576 bytes of UTF-8' }],
      source: { topic: 'news.articles.v1', partition: 2, offset: '9' },
      preview: '{"id":"a-9"}',
    });
  });

  it('shows a record that is not a dead letter rather than dropping it', () => {
    const tail = new DeadLetterTail(5);
    tail.add('not json', '0', where);
    tail.add(null, '0', where);
    expect(tail.view().recent.map((e) => [e.reasons[0].problem, e.source, e.preview])).toEqual([
      ['not a dead-letter record', where, ''],
      ['not a dead-letter record', where, 'not json'],
    ]);
  });
});
