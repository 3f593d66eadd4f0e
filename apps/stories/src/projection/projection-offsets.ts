import { type Queryable } from '../database/database';

/** The next offset to consume from a partition, as stored with the rows it produced; undefined before the first. */
export const storedOffset = async (db: Queryable, topic: string, partition: number): Promise<bigint | undefined> => {
  const rows = await db.query<{ offset: string }>('SELECT "offset"::text AS "offset" FROM projection_offsets WHERE topic = $1 AND partition = $2', [
    topic,
    partition,
  ]);
  return rows[0] === undefined ? undefined : BigInt(rows[0].offset);
};

export const storeOffset = (tx: Queryable, topic: string, partition: number, next: bigint) =>
  tx.query(
    `INSERT INTO projection_offsets (topic, partition, "offset") VALUES ($1, $2, $3)
     ON CONFLICT (topic, partition) DO UPDATE SET "offset" = excluded."offset"`,
    [topic, partition, next.toString()],
  );
