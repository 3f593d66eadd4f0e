import { type Consumer, type IHeaders, type Producer } from 'kafkajs';
import { type DeadLetter } from '@app/contracts';
import { consumeUntil, type Received, testConsumer, testKafka, testProducer, uniqueName } from '../support/kafka';
import { CommittedLog, waitForNoLag } from './support/committed-log';
import { dedupTestEnv, removeSnapshotDirs } from './support/dedup-env';
import { DedupProcess } from './support/dedup-process';
import { type Hostile, hostilePayloads, json } from './support/hostile-records';
import { syntheticFeed } from './support/test-articles';

describe('dedup against hostile input', () => {
  const kafka = testKafka('poison-test');
  let dedup: DedupProcess | undefined;
  let producer: Producer | undefined;
  let log: CommittedLog | undefined;
  const consumers: Consumer[] = [];

  afterAll(async () => {
    await dedup?.kill();
    await log?.stop();
    await Promise.all(consumers.map((c) => c.disconnect()));
    await producer?.disconnect();
    removeSnapshotDirs();
  });

  const readAll = async (topic: string, count: number): Promise<Received[]> => {
    const consumer = testConsumer(kafka, { groupId: uniqueName('poison-reader'), readUncommitted: false, maxBytesPerPartition: 8 * 1024 * 1024 });
    consumers.push(consumer);
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    return consumeUntil(consumer, (received) => received.length >= count);
  };

  it('dead-letters 200 hostile payloads with reasons and their source, processes the valid articles between them, and keeps running', async () => {
    const env = dedupTestEnv('poison');
    dedup = await DedupProcess.start('dedup', env);
    await dedup.waitForRole(['owner', 'standby']);
    const hostile = hostilePayloads(200);
    const valid = syntheticFeed(100, 5, 'poison-valid');
    const interleaved: Hostile[] = hostile.flatMap((h, i) => (i % 2 === 0 ? [h, { key: valid[i / 2].id, value: json(valid[i / 2]) }] : [h]));
    producer = testProducer(kafka, { idempotent: true });
    await producer.connect();
    // One at a time: a 5 MB record must not share a produce request with others.
    for (let i = 0; i < interleaved.length; i += 50) {
      await producer.send({ topic: env.ARTICLES_TOPIC, messages: interleaved.slice(i, i + 50).map(({ key, value }) => ({ key, value, headers: {} as IHeaders })) });
    }

    log = new CommittedLog(kafka, env.STORY_EVENTS_TOPIC);
    await log.start();
    await log.waitForArticles(valid.map((a) => a.id), 120_000);
    await waitForNoLag(kafka, env.DEDUP_GROUP_ID, env.ARTICLES_TOPIC, 60_000);
    await log.catchUp();
    expect([...log.timesNamed()].filter(([, times]) => times !== 1)).toEqual([]);
    expect([...log.articleIds()].sort()).toEqual(valid.map((a) => a.id).sort());

    // Where each input really is, as the broker stored it.
    const input = new Map((await readAll(env.ARTICLES_TOPIC, interleaved.length)).map((r) => [`${r.partition}:${r.offset}`, r]));
    const letters = (await readAll(env.ARTICLES_DLQ_TOPIC, hostile.length)).map((r) => JSON.parse(r.value!) as DeadLetter);
    expect(letters).toHaveLength(hostile.length);
    for (const letter of letters) {
      expect(letter.reasons.length).toBeGreaterThan(0);
      expect(letter.source.topic).toBe(env.ARTICLES_TOPIC);
      const source = input.get(`${letter.source.partition}:${letter.source.offset}`);
      expect(source).toBeDefined();
      // Received values are UTF-8 decoded (lossily for binary): decode the dead letter's copy the same way.
      const original = source!.value ?? '';
      if (letter.payload === null) expect(original).toBe('');
      else if (letter.payloadEncoding === 'base64') expect(Buffer.from(letter.payload, 'base64').toString('utf8')).toBe(original);
      else if (letter.truncatedFrom !== undefined) {
        expect(original.startsWith(letter.payload)).toBe(true);
        expect(letter.truncatedFrom).toBe(Buffer.byteLength(original));
      } else expect(letter.payload).toBe(original);
    }
    const sourcesSeen = new Set(letters.map((l) => `${l.source.partition}:${l.source.offset}`));
    expect(sourcesSeen.size).toBe(hostile.length);
    const huge = letters.find((l) => l.truncatedFrom !== undefined && l.truncatedFrom > 5_000_000)!;
    expect(huge.reasons[0]).toMatchObject({ field: '$', limit: 1024 * 1024 + 64 * 1024 });

    expect(dedup.alive).toBe(true);
    expect(await dedup.role()).toBe('owner');
    // Counted when their transaction commits, once each, like the letters themselves.
    const metrics = await (await fetch(`http://127.0.0.1:${dedup.port}/metrics`)).text();
    expect(metrics).toContain(`dedup_records_total{outcome="dead_lettered",service="dedup"} ${hostile.length}`);
    const reasons = new Map<string, number>();
    for (const { reasons: [first] } of letters) {
      const kind = `${first.field} ${first.problem.split(/[:(]/)[0].replace(/[^\x20-\x7e]/g, '?').slice(0, 40).trim()}`;
      reasons.set(kind, (reasons.get(kind) ?? 0) + 1);
    }
    console.log(
      `poison: ${hostile.length} hostile payloads dead-lettered once each with reasons and source, ${valid.length} valid articles ` +
        `between them named once each, dedup still the owner; first reasons: ${[...reasons].map(([r, n]) => `${n}x ${r}`).join(' | ')}`,
    );
  });
});
