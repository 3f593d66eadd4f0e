import { PGlite } from '@electric-sql/pglite';
import { type Database, type Queryable } from './database';

export interface PgliteDatabaseOptions {
  /** A directory to persist to; absent keeps the database in memory. */
  dataDir?: string | undefined;
  schema?: string | undefined;
}

/**
 * Embedded PostgreSQL (WebAssembly) in this process: one connection, on which PGlite queues queries behind an open
 * transaction, so a read never sees a half-applied batch.
 */
export const openPgliteDatabase = async ({ dataDir, schema }: PgliteDatabaseOptions): Promise<Database> => {
  const db = await PGlite.create(dataDir);
  // One session for the process, so setting the search path once covers every later query.
  if (schema !== undefined) await db.query(`SET search_path TO ${schema}`);
  const query: Queryable['query'] = async <Row>(sql: string, params: readonly unknown[] = []) => (await db.query<Row>(sql, [...params])).rows;
  return {
    query,
    transaction: (work) => db.transaction((tx) => work({ query: async <Row>(sql: string, params: readonly unknown[] = []) => (await tx.query<Row>(sql, [...params])).rows })),
    async listen(channel, onNotify) {
      const unlisten = await db.listen(channel, onNotify);
      return () => unlisten();
    },
    close: () => db.close(),
  };
};
