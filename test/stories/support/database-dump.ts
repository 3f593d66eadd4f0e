import { type Database } from '../../../apps/stories/src/database/database';

/**
 * Every table of the app's schema, each row as PostgreSQL's own JSON of it, sorted: two databases with equal dumps
 * hold the same data. Times print in UTC and text sorts bytewise, so the dump does not depend on server settings.
 */
export const dumpDatabase = (db: Database): Promise<Record<string, string[]>> =>
  db.transaction(async (tx) => {
    await tx.query("SET LOCAL TIME ZONE 'UTC'");
    const tables = await tx.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables
       WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name COLLATE "C"`,
    );
    const dump: Record<string, string[]> = {};
    for (const { table_name: table } of tables) {
      const rows = await tx.query<{ row: string }>(`SELECT to_jsonb(t)::text AS row FROM ${table} t ORDER BY to_jsonb(t)::text COLLATE "C"`);
      dump[table] = rows.map((r) => r.row);
    }
    return dump;
  });
