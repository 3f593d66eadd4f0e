import { createServer } from 'node:net';
import { KafkaReachability } from './kafka-reachability';

/** A loopback port nothing listens on: every connection is refused at once. */
const closedPort = async (): Promise<number> => {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
};

describe('KafkaReachability', () => {
  it('rejects, naming the cause, when no broker answers, and asks again on the next check', async () => {
    const reachability = new KafkaReachability({ brokers: [`127.0.0.1:${await closedPort()}`] });
    try {
      const overlapping = [reachability.check(), reachability.check()];
      for (const probe of overlapping) await expect(probe).rejects.toThrow(/^Kafka did not answer: .*(ECONNREFUSED|Connection error)/);
      await expect(reachability.check()).rejects.toThrow(/^Kafka did not answer/);
    } finally {
      await reachability.close();
    }
  });
});
