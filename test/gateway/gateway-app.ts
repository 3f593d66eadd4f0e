import { type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type Kafka } from 'kafkajs';
import { createServer } from 'node:net';
import { loadConfig, sharedHttpSetup } from '@app/platform';
import { AppModule } from '../../apps/gateway/src/app.module';
import { gatewayConfigSchema } from '../../apps/gateway/src/config/gateway.config';
import { gatewayHttpSetup } from '../../apps/gateway/src/http/gateway-http-setup';
import { consumeUntil, type Received, testBrokers, testConsumer, uniqueName } from '../support/kafka';

export interface RunningGateway {
  readonly app: INestApplication;
  readonly url: string;
}

/** The real gateway in-process, set up exactly as main.ts does, on a free port. */
export const startGateway = async (env: Record<string, string>): Promise<RunningGateway> => {
  const config = loadConfig(gatewayConfigSchema, { KAFKA_BROKERS: testBrokers().join(','), NODE_ENV: 'test', LOG_LEVEL: 'silent', ...env });
  const app = await NestFactory.create(AppModule.forConfig(config), { ...gatewayHttpSetup.nestOptions, logger: false });
  sharedHttpSetup(app);
  await gatewayHttpSetup.configure(app, config);
  await app.listen(0, '127.0.0.1');
  return { app, url: await app.getUrl() };
};

/** A local port with nothing listening on it: a Kafka that is down. */
export const closedPort = async (): Promise<number> => {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
};

/**
 * Everything on the topic up to its end as of now. The gateway answers only after Kafka acknowledged, so once it
 * has answered, reading to these end offsets is reading everything it wrote, and anything it should not have.
 */
export const readTopicToEnd = async (kafka: Kafka, topic: string): Promise<Received[]> => {
  const admin = kafka.admin();
  await admin.connect();
  const offsets = await admin.fetchTopicOffsets(topic).finally(() => admin.disconnect());
  const lastOffsets = offsets.filter((o) => BigInt(o.high) > BigInt(o.low)).map((o) => ({ partition: o.partition, last: BigInt(o.high) - 1n }));
  const consumer = testConsumer(kafka, { groupId: uniqueName('gateway-test-reader') });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  const reached = new Map<number, bigint>();
  try {
    return await consumeUntil(consumer, (received) => {
      const latest = received[received.length - 1];
      reached.set(latest.partition, BigInt(latest.offset));
      return lastOffsets.every(({ partition, last }) => (reached.get(partition) ?? -1n) >= last);
    });
  } finally {
    await consumer.disconnect();
  }
};

/** Sum of the topic's end offsets: its record count when nothing was deleted and no transaction wrote to it. */
export const topicRecordCount = async (kafka: Kafka, topic: string): Promise<number> => {
  const admin = kafka.admin();
  await admin.connect();
  try {
    return (await admin.fetchTopicOffsets(topic)).reduce((sum, o) => sum + Number(o.high) - Number(o.low), 0);
  } finally {
    await admin.disconnect();
  }
};
