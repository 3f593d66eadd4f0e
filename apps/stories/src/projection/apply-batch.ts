import { deadLetterPayload } from '@app/contracts';
import { type Database, type Queryable } from '../database/database';
import { parseStoryEvent } from './parse-story-event';
import { planSegment, splitRuns } from './plan-segment';
import { projectEvent, type ProjectionStep } from './project-event';
import { storedOffset, storeOffset } from './projection-offsets';
import { applyMerge, readKnownRows, recountStories, writeSegment } from './story-writes';

export interface ConsumedRecord {
  readonly offset: string;
  readonly value: Buffer | null;
}

export interface BatchTarget {
  readonly topic: string;
  readonly partition: number;
  readonly schema: string;
  /** NOTIFY channel told the last sequence number once the batch commits. */
  readonly channel: string;
}

export interface BatchOutcome {
  /** Events applied, with the sequence numbers they got. */
  readonly applied: number;
  readonly lastSeq: number;
  /** Events whose id had been applied before: a redelivery the contract says to ignore. */
  readonly duplicates: number;
  readonly rejected: readonly { offset: string; reason: string }[];
  /** Records below the stored offset: consumed again after a rebalance or restart, and already in the database. */
  readonly alreadyApplied: number;
}

const rejectRecord = (tx: Queryable, target: BatchTarget, record: ConsumedRecord, reason: string) => {
  const dead = deadLetterPayload(record.value);
  // PostgreSQL text cannot hold U+0000: such a payload is kept as base64 like any undecodable one.
  const payload =
    dead.payloadEncoding === 'utf8' && dead.payload?.includes('\u0000') === true
      ? { payload: record.value!.toString('base64'), payloadEncoding: 'base64' }
      : dead;
  return tx.query(
    `INSERT INTO rejected_records (topic, partition, "offset", reason, payload, payload_encoding) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT DO NOTHING`,
    [target.topic, target.partition, record.offset, reason, payload.payload, payload.payloadEncoding],
  );
};

/**
 * Applies consumed records of one partition, in order, in ONE transaction together with the next offset: the
 * database is the offset store, so a batch is in it entirely (rows and offset) or not at all, and records below the
 * stored offset are skipped. That is exactly-once whatever Kafka redelivers; event ids dedupe on top, as the
 * contract asks.
 */
export const applyBatch = (db: Database, target: BatchTarget, records: readonly ConsumedRecord[]): Promise<BatchOutcome> =>
  db.transaction(async (tx) => {
    // One writer at a time per schema, held to commit: sequence numbers are then handed out in commit order, so
    // "everything after seq N" is a stable question for a resuming SSE client, even across instances.
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`newsroom-stories.projection.${target.schema}`]);
    const next = (await storedOffset(tx, target.topic, target.partition)) ?? 0n;
    const fresh = records.filter((record) => BigInt(record.offset) >= next);
    const [{ seq: lastSeq }] = await tx.query<{ seq: string }>('SELECT coalesce(max(seq), 0)::text AS seq FROM story_events');
    let seq = Number(lastSeq);
    const outcome = { applied: 0, duplicates: 0, rejected: [] as { offset: string; reason: string }[], alreadyApplied: records.length - fresh.length };
    if (fresh.length === 0) return { ...outcome, lastSeq: seq };
    const steps: ProjectionStep[] = [];
    for (const record of fresh) {
      const parsed = parseStoryEvent(record.value);
      if (parsed.ok) steps.push(projectEvent(parsed.event));
      else {
        await rejectRecord(tx, target, record, parsed.reason);
        outcome.rejected.push({ offset: record.offset, reason: parsed.reason });
      }
    }
    const touched = new Set<string>();
    for (const run of splitRuns(steps)) {
      if (run.kind === 'articles') {
        const plan = planSegment(run.steps, await readKnownRows(tx, run.steps), seq);
        await writeSegment(tx, plan);
        plan.touched.forEach((id) => touched.add(id));
        outcome.applied += plan.events.length;
        outcome.duplicates += plan.duplicates;
        seq = plan.lastSeq;
        continue;
      }
      const survivorId = await applyMerge(tx, seq + 1, run);
      if (survivorId === undefined) {
        outcome.duplicates++;
        continue;
      }
      seq++;
      outcome.applied++;
      touched.add(survivorId);
    }
    await recountStories(tx, [...touched]);
    await storeOffset(tx, target.topic, target.partition, BigInt(fresh[fresh.length - 1].offset) + 1n);
    if (outcome.applied > 0) await tx.query('SELECT pg_notify($1, $2)', [target.channel, String(seq)]);
    return { ...outcome, lastSeq: seq };
  });
