import { Kafka, logLevel } from 'kafkajs';
import { ensureTopics } from '@app/platform';
import { resolveBroker } from '../../kafka/resolve-broker';
import { percentiles } from './percentiles';

/**
 * What one exactly-once step costs the broker round trips alone: back-to-back transactions as the dedup loop runs
 * them (a send, the consumed offsets, the commit), timed per transaction, for each first retry backoff. The
 * coordinator is still writing the previous commit's markers when the next transaction begins, and it answers
 * CONCURRENT_TRANSACTIONS until they are written, so the backoff sets how long each transaction waits.
 * Env: BENCH_BACKOFFS (ms, default 300,20,10,5,2,1), BENCH_TRANSACTIONS (per backoff, 200), BENCH_RECORDS (per
 * transaction, 10), KAFKA_BROKERS to use a running broker.
 */
const backoffs = (process.env.BENCH_BACKOFFS ?? '300,20,10,5,2,1').split(',').map(Number);
const transactions = Number(process.env.BENCH_TRANSACTIONS ?? 200);
const records = Number(process.env.BENCH_RECORDS ?? 10);
const OUTPUT = 'bench.transactions.out';
const INPUT = 'bench.transactions.in';
/** About the size of a StoryUpdated event. */
const VALUE = 'x'.repeat(2_000);

const timeTransactions = async (kafka: Kafka, initialRetryTime: number): Promise<number[]> => {
  const producer = kafka.producer({
    transactionalId: `bench-transactions-${initialRetryTime}-${Date.now()}`,
    idempotent: true,
    maxInFlightRequests: 1,
    retry: { initialRetryTime, retries: 20, maxRetryTime: 30_000 },
  });
  await producer.connect();
  const times: number[] = [];
  try {
    for (let n = 0; n < transactions; n++) {
      const began = performance.now();
      const transaction = await producer.transaction();
      await transaction.sendBatch({ topicMessages: [{ topic: OUTPUT, messages: Array.from({ length: records }, (_, i) => ({ key: `k${i}`, value: VALUE })) }] });
      await transaction.sendOffsets({ consumerGroupId: 'bench-transactions', topics: [{ topic: INPUT, partitions: [{ partition: 0, offset: String(n + 1) }] }] });
      await transaction.commit();
      times.push(performance.now() - began);
    }
  } finally {
    await producer.disconnect();
  }
  return times;
};

const main = async (): Promise<void> => {
  const broker = await resolveBroker();
  const kafka = new Kafka({ ...broker.clientConfig('bench-transactions'), logLevel: logLevel.NOTHING });
  try {
    await ensureTopics(kafka, [OUTPUT, INPUT].map((topic) => ({ topic, numPartitions: 6 })));
    console.log(`\n### Back-to-back transactions (${transactions} per row, ${records} records of ${VALUE.length} B each, broker: ${broker.source})\n`);
    console.log('| first retry backoff ms | p50 ms | p90 ms | p99 ms | transactions/s |');
    console.log('|---|---|---|---|---|');
    for (const backoff of backoffs) {
      const times = await timeTransactions(kafka, backoff);
      const [p50, p90, p99] = percentiles(times, [50, 90, 99]);
      const total = times.reduce((sum, t) => sum + t, 0);
      console.log(`| ${backoff} | ${p50.toFixed(1)} | ${p90.toFixed(1)} | ${p99.toFixed(1)} | ${((1000 * times.length) / total).toFixed(0)} |`);
    }
  } finally {
    await broker.stop();
  }
};

main().catch((error: unknown) => {
  process.stderr.write(`[bench] ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
