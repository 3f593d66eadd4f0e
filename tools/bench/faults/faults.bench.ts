import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel, Partitioners } from 'kafkajs';
import { type DeadLetter, deadLetterSchema, Topics, TOPIC_SPECS } from '@app/contracts';
import { ensureTopics } from '@app/platform';
import { startApp, stopApp, waitUntilReady } from '../../../scripts/demo/app-process';
import { CommittedLog, waitForNoLag } from '../../../test/dedup/support/committed-log';
import { DedupProcess } from '../../../test/dedup/support/dedup-process';
import { hostilePayloads } from '../../../test/dedup/support/hostile-records';
import { freePorts } from '../../kafka/free-ports';
import { type LocalBroker, startLocalBroker } from '../../kafka/local-broker';
import { resolveBroker } from '../../kafka/resolve-broker';
import { loadCorpus } from '../corpus';
import { describeMachine } from '../machine';
import { prng, Synthesizer } from '../synthesize';
import { accountByInputRecord, reasonCounts } from './accounting';
import { ArticleFeeder, type FeedLine } from './article-feeder';
import { faultPlan } from './fault-plan';
import { hostileLines, hostileRequests, type Refusal, sendHostile } from './hostile-http';
import { committedOffsets, RecoveryClock } from './recovery-clock';
import { readToEnd } from './topic-reader';

/**
 * Faults under load, through the real apps: gateway → news.articles.v1 → dedup (a child process, kill -9'd) →
 * story log, with the broker restarted once mid-stream. Env: FAULTS_ARTICLES (15000), FAULTS_RATE (150 a second),
 * FAULTS_KILLS (3), FAULTS_SEED, FAULTS_SESSION_TIMEOUT_MS (6000, the broker's minimum; how long the group waits
 * for a killed member before it hands its partitions to the restarted one).
 */
const ARTICLES = Number(process.env.FAULTS_ARTICLES ?? 15_000);
const RATE = Number(process.env.FAULTS_RATE ?? 150);
const KILLS = Number(process.env.FAULTS_KILLS ?? 3);
const SEED = Number(process.env.FAULTS_SEED ?? Math.floor(Math.random() * 1_000_000));
const SESSION_TIMEOUT_MS = process.env.FAULTS_SESSION_TIMEOUT_MS ?? '6000';
const HOSTILE_HTTP = 500;
const HOSTILE_TOPIC = 500;
const HOSTILE_HEADER = 'x-fault-bench';
const API_KEY = 'faults-key';
const GROUP = 'news.story-dedup.v1';
const RECOVERY_TIMEOUT_MS = 300_000;

const say = (line: string) => process.stderr.write(`[faults] ${line}\n`);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const seconds = (ms: number | undefined) => (ms === undefined ? 'never' : (ms / 1000).toFixed(1));

interface Recovery {
  readonly fault: string;
  readonly atSeconds: number;
  readonly up?: number;
  readonly firstEvent?: number;
  readonly note?: string;
}

/** The valid feed, with the hostile bulk lines dropped in at seeded places. */
const feedLines = (random: () => number, hostileLineCount: number): FeedLine[] => {
  const synth = new Synthesizer(loadCorpus().sources, SEED);
  const start = Date.parse('2018-07-01T00:00:00Z');
  const lines: FeedLine[] = Array.from({ length: ARTICLES }, (_, i) => {
    const id = `faults-${String(i).padStart(6, '0')}`;
    return { id, line: JSON.stringify(synth.next(id, new Date(start + i * 1000).toISOString())) };
  });
  for (const hostile of hostileLines(hostileLineCount)) lines.splice(1 + Math.floor(random() * (lines.length - 1)), 0, { line: hostile.line, hostile });
  return lines;
};

const main = async (): Promise<void> => {
  const began = Date.now();
  const random = prng(SEED ^ 0x2545f491);
  let local: LocalBroker | undefined;
  const broker = await resolveBroker({ startLocal: async () => (local = await startLocalBroker()) });
  if (!local) say(`broker from ${broker.source} (${broker.brokers}): not ours to restart, so the broker restart is skipped`);
  const kafka = new Kafka({ ...broker.clientConfig('bench-faults'), logLevel: logLevel.NOTHING });
  const snapshotDir = mkdtempSync(join(tmpdir(), 'faults-snapshots-'));
  const dedupEnv = { KAFKA_BROKERS: broker.brokers, SNAPSHOT_DIR: snapshotDir, DEDUP_SESSION_TIMEOUT_MS: SESSION_TIMEOUT_MS, LOG_LEVEL: 'info' };
  const [gatewayPort] = await freePorts(1);
  const gatewayUrl = `http://127.0.0.1:${gatewayPort}`;
  const gateway = startApp('gateway', {
    KAFKA_BROKERS: broker.brokers,
    PORT: String(gatewayPort),
    API_KEYS: API_KEY,
    RATE_LIMIT_PER_SECOND: '100000',
    RATE_LIMIT_BURST: '100000',
  });
  const producer = kafka.producer({ idempotent: true, createPartitioner: Partitioners.DefaultPartitioner });
  const log = new CommittedLog(kafka, Topics.storyEvents);
  const clock = new RecoveryClock(log.events);
  let stopping = false;
  let dedup: DedupProcess | undefined;
  let generation = 0;
  const planned = new WeakSet<DedupProcess>();
  const unplanned: string[] = [];
  const recoveries: Recovery[] = [];

  /** Starts dedup, and restarts it whenever it exits on its own, as a supervisor would; each such exit is reported. */
  const startDedup = async (): Promise<DedupProcess> => {
    const instance = await DedupProcess.start(`dedup-${++generation}`, dedupEnv);
    dedup = instance;
    void instance.exited.then(async (status) => {
      if (stopping || planned.has(instance)) return;
      const lastError = [...instance.logs].reverse().find((l) => l.level >= 50)?.msg ?? 'no error logged';
      unplanned.push(`${instance.name} exited (${status.code ?? status.signal}): ${lastError}`);
      say(`UNPLANNED: ${unplanned[unplanned.length - 1]}; restarting it`);
      const at = Date.now();
      const boundary = await committedOffsets(kafka, GROUP, Topics.articles).catch(() => new Map<number, bigint>());
      const next = await startDedup();
      const up = await next.waitForReady(RECOVERY_TIMEOUT_MS).catch(() => undefined);
      const firstEvent = await clock.firstNewEvent(boundary, at, RECOVERY_TIMEOUT_MS);
      recoveries.push({ fault: `unplanned exit of ${instance.name}`, atSeconds: (at - began) / 1000, up: up && up - at, firstEvent: firstEvent && firstEvent - at });
    });
    return instance;
  };

  try {
    await ensureTopics(kafka, TOPIC_SPECS);
    // On a cluster of someone else's, only this run's records are accounted for.
    const admin = kafka.admin();
    await admin.connect();
    // Fresh topics answer NOT_LEADER until their leaders are elected, which kafkajs' admin does not wait for.
    let ends: Awaited<ReturnType<typeof admin.fetchTopicOffsets>> | undefined;
    for (let attempt = 1; !ends; attempt++) {
      ends = await admin.fetchTopicOffsets(Topics.articles).catch((error: Error) => {
        if (attempt >= 60) throw error;
        return pause(500).then(() => undefined);
      });
    }
    const inputStart = new Map(ends.map(({ partition, high }) => [partition, high]));
    await admin.disconnect();
    await producer.connect();
    await startDedup();
    await Promise.all([waitUntilReady(gatewayUrl, 60_000), dedup!.waitForReady(120_000)]);
    await log.start();
    clock.start();

    const lines = feedLines(random, HOSTILE_HTTP / 2);
    const requests = hostileRequests(HOSTILE_HTTP - HOSTILE_HTTP / 2, API_KEY);
    const topicHostile = hostilePayloads(HOSTILE_TOPIC);
    const plan = faultPlan(SEED, lines.length, KILLS, local !== undefined);
    say(`seed ${SEED}: ${ARTICLES} articles at ${RATE}/s, ${HOSTILE_HTTP} hostile via the gateway, ${HOSTILE_TOPIC} via the topic; plan: ${plan.map((f) => `${f.kind} after ${f.afterArticles} lines (+${f.delayMs} ms)`).join(', ')}`);
    const feeder = new ArticleFeeder(gatewayUrl, API_KEY, lines, RATE);
    const streamSeconds = lines.length / RATE;

    // Spread over the stream, so hostile input also arrives during the outages.
    const refusals: Refusal[] = [];
    const sendRequests = async () => {
      for (const [i, request] of requests.entries()) {
        await pause(((streamSeconds * 1000) / requests.length) * 0.95);
        refusals.push(await sendHostile(gatewayUrl, request).catch((error: Error) => ({ kind: request.kind, status: 0, reason: `no answer: ${error.message}`, wrong: 'no answer' })));
        if (i % 100 === 99) say(`${i + 1} hostile requests sent`);
      }
    };
    let topicSendFailures = 0;
    const produceHostile = async () => {
      const chunk = 20;
      for (let i = 0; i < topicHostile.length; i += chunk) {
        await pause(((streamSeconds * 1000) / (topicHostile.length / chunk)) * 0.95);
        const messages = topicHostile.slice(i, i + chunk).map(({ key, value }) => ({ key, value, headers: { [HOSTILE_HEADER]: 'hostile' } }));
        // While the broker is away the send fails after kafkajs' retries; the same records go again.
        while (!(await producer.send({ topic: Topics.articles, messages }).then(() => true, () => false))) {
          topicSendFailures++;
          await pause(1000);
        }
      }
    };
    const chaos = async () => {
      for (const fault of plan) {
        while (feeder.sent < fault.afterArticles) await pause(50);
        await pause(fault.delayMs);
        const at = Date.now();
        const atSeconds = (at - began) / 1000;
        if (fault.kind === 'kill-dedup') {
          const victim = dedup!;
          planned.add(victim);
          victim.signal('SIGKILL');
          await victim.exited;
          say(`kill -9 ${victim.name} (pid ${victim.pid}) at ${atSeconds.toFixed(1)} s, ${feeder.sent} lines sent`);
          const next = await startDedup();
          // Read after the new process is spawned: a commit the killed one had already sent has settled by now,
          // and the new one cannot have committed anything yet.
          const boundary = await committedOffsets(kafka, GROUP, Topics.articles);
          const up = await next.waitForReady(RECOVERY_TIMEOUT_MS).catch(() => undefined);
          const firstEvent = await clock.firstNewEvent(boundary, at, RECOVERY_TIMEOUT_MS);
          recoveries.push({ fault: `kill -9 ${victim.name}`, atSeconds, up: up && up - at, firstEvent: firstEvent && firstEvent - at });
        } else {
          const boundary = await committedOffsets(kafka, GROUP, Topics.articles);
          say(`broker restart at ${atSeconds.toFixed(1)} s, ${feeder.sent} lines sent`);
          await local!.restart();
          const up = Date.now();
          say(`broker up again after ${seconds(up - at)} s`);
          const firstEvent = await clock.firstNewEvent(boundary, up, RECOVERY_TIMEOUT_MS);
          const firstAck = feeder.successes.find((t) => t >= up);
          recoveries.push({
            fault: 'broker restart',
            atSeconds,
            up: up - at,
            firstEvent: firstEvent && firstEvent - at,
            note: `gateway stored a post again ${firstAck ? `${seconds(firstAck - at)} s` : 'never (before the next fault)'} after the restart began`,
          });
        }
        say(`recovered: ${JSON.stringify(recoveries[recoveries.length - 1])}`);
      }
    };

    const streamBegan = Date.now();
    await Promise.all([feeder.run(), sendRequests(), produceHostile(), chaos()]);
    const streamEnded = Date.now();
    say(`stream done in ${seconds(streamEnded - streamBegan)} s; waiting for dedup to drain`);
    await waitForNoLag(kafka, GROUP, Topics.articles, 600_000);
    await log.catchUp();
    const drained = Date.now();

    const inputs = (await readToEnd(kafka, Topics.articles, { readCommitted: false, from: inputStart })).map((r) => ({
      topic: Topics.articles,
      partition: r.partition,
      offset: r.offset,
      hostile: r.headers[HOSTILE_HEADER]?.toString() === 'hostile',
    }));
    const letters: DeadLetter[] = (await readToEnd(kafka, Topics.articlesDlq, { readCommitted: true }))
      .map((r) => deadLetterSchema.parse(JSON.parse(r.value?.toString('utf8') ?? 'null')))
      .filter((l) => l.source.topic === Topics.articles && BigInt(l.source.offset) >= BigInt(inputStart.get(l.source.partition) ?? '0'));
    const inScope = new Set(inputs.map((i) => `${i.partition}:${i.offset}`));
    const events = log.events.filter((e) => {
      const match = /-(\d+)-(\d+)#\d+$/.exec(e.eventId);
      return match !== null && inScope.has(`${match[1]}:${match[2]}`);
    });
    const account = accountByInputRecord(inputs, events, letters);
    const named = log.articleIds();
    const ackedNotNamed = [...feeder.acceptedIds].filter((id) => !named.has(id));
    const allRefusals = [...refusals, ...feeder.lineRefusals];
    const wrongRefusals = allRefusals.filter((r) => r.wrong);
    const httpReasons = new Map<string, number>();
    for (const r of allRefusals) httpReasons.set(`${r.kind} → ${r.reason}${r.wrong ? ` [WRONG: ${r.wrong}]` : ''}`, (httpReasons.get(`${r.kind} → ${r.reason}${r.wrong ? ` [WRONG: ${r.wrong}]` : ''}`) ?? 0) + 1);
    const dlqReasons = reasonCounts(letters.map((l) => l.reasons[0]));
    const ended = Date.now();

    const validInputs = inputs.filter((i) => !i.hostile).length;
    console.log(`\n### Faults (${describeMachine()}, broker: ${broker.source}, seed ${SEED})\n`);
    console.log(`${ARTICLES} articles at ${RATE}/s through the gateway's bulk endpoint, ${HOSTILE_HTTP} hostile inputs through the gateway and ${HOSTILE_TOPIC} straight to \`${Topics.articles}\`; `
      + `${KILLS} kill -9 of dedup and ${local ? 'one broker restart' : 'no broker restart (not our broker)'}; session timeout ${SESSION_TIMEOUT_MS} ms.\n`);
    console.log('| measure | result |');
    console.log('|---|---|');
    console.log(`| input records (this run) | ${account.inputRecords} (${validInputs} from the gateway, ${validInputs - feeder.acceptedIds.size} of them stored twice by client retries; ${account.inputRecords - validInputs} hostile from the topic) |`);
    console.log(`| **events lost** (input record with no article event and no dead letter) | **${account.lost.length}** |`);
    console.log(`| **events duplicated** (input record with two outputs) | **${account.duplicated.length}** |`);
    console.log(`| same event id twice in the committed story log | ${account.repeatedEventIds} |`);
    console.log(`| outputs naming no input record of this run | ${account.orphanOutputs} |`);
    console.log(`| articles the gateway acknowledged, not in the story log | ${ackedNotNamed.length} |`);
    console.log(`| hostile via the gateway refused with 4xx + reason | ${allRefusals.length - wrongRefusals.length} / ${allRefusals.length} (${refusals.length} requests, ${feeder.lineRefusals.length} bulk lines) |`);
    console.log(`| hostile via the topic dead-lettered (with source topic/partition/offset) | ${account.hostileDeadLettered} / ${inputs.length - validInputs}; ${account.hostileAccepted.length} became story events |`);
    console.log(`| valid articles dead-lettered | ${account.validDeadLettered.length} |`);
    console.log(`| unplanned dedup exits | ${unplanned.length}${unplanned.length ? `: ${unplanned.join('; ')}` : ''} |`);
    console.log(`| client posts retried (gateway answers) | ${feeder.retries} (${[...feeder.failures].map(([k, n]) => `${n}× ${k}`).join(', ') || 'none'}); topic sends retried ${topicSendFailures} |`);
    console.log(`| stream / drain / total run time | ${seconds(streamEnded - streamBegan)} s / ${seconds(drained - streamEnded)} s / ${seconds(ended - began)} s |`);
    console.log('\n| fault | at s | → back up s | → first new story event s | note |');
    console.log('|---|---|---|---|---|');
    for (const r of recoveries) console.log(`| ${r.fault} | ${r.atSeconds.toFixed(1)} | ${seconds(r.up)} | ${seconds(r.firstEvent)} | ${r.note ?? (r.fault.startsWith('kill') ? 'restarted instance ready (/health/ready)' : '')} |`);
    console.log('\n| hostile via the gateway: kind → answer | count |');
    console.log('|---|---|');
    for (const [reason, n] of [...httpReasons].sort((a, b) => b[1] - a[1])) console.log(`| ${reason.replace(/\|/g, '\\|')} | ${n} |`);
    console.log('\n| dead letters: first reason | count |');
    console.log('|---|---|');
    for (const [reason, n] of dlqReasons) console.log(`| ${reason.replace(/\|/g, '\\|')} | ${n} |`);
    if (account.lost.length || account.duplicated.length) say(`lost: ${account.lost.slice(0, 20).join(' ')}; duplicated: ${account.duplicated.slice(0, 20).join(' ')}`);
    if (log.unreadable.length) say(`unreadable story-log records: ${log.unreadable.slice(0, 5).join('; ')}`);
  } finally {
    stopping = true;
    clock.stop();
    await log.stop().catch(() => undefined);
    await producer.disconnect().catch(() => undefined);
    await dedup?.kill();
    await stopApp(gateway);
    await broker.stop();
    rmSync(snapshotDir, { recursive: true, force: true });
  }
};

main().catch((error: unknown) => {
  say(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
