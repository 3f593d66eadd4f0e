import { KafkaJSProtocolError } from 'kafkajs';
import { retryRetriable } from './retriable';

const notLeader = () => new KafkaJSProtocolError({ type: 'NOT_LEADER_FOR_PARTITION', code: 6, retriable: true, message: 'This server is not the leader for that topic-partition' } as never);

describe('retryRetriable', () => {
  it('tries again after a retriable Kafka error', async () => {
    let calls = 0;
    const result = await retryRetriable(async () => {
      calls++;
      if (calls < 3) throw notLeader();
      return 'ok';
    }, 5, 1);
    expect([result, calls]).toEqual(['ok', 3]);
  });

  it('throws anything else at once, and a retriable error once the attempts are spent', async () => {
    let calls = 0;
    await expect(retryRetriable(async () => {
      calls++;
      throw new Error('bad config');
    }, 5, 1)).rejects.toThrow('bad config');
    expect(calls).toBe(1);
    await expect(retryRetriable(async () => Promise.reject(notLeader()), 3, 1)).rejects.toThrow(/not the leader/);
  });
});
