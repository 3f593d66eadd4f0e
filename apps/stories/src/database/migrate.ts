import { type Database } from './database';
import { type Migration } from './migrations';

/**
 * Creates the schema and applies the migrations it lacks, in order, in one transaction. The advisory lock makes a
 * second instance starting at the same moment wait and then find everything applied.
 */
export const migrate = async (db: Database, schema: string, migrations: readonly Migration[]): Promise<number[]> =>
  db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`newsroom-stories.migrations.${schema}`]);
    await tx.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    // No applied_at column: a clock value would make two replays of the same log differ.
    await tx.query(`CREATE TABLE IF NOT EXISTS ${schema}.schema_migrations (version integer PRIMARY KEY, name text NOT NULL)`);
    const rows = await tx.query<{ version: number }>(`SELECT version FROM ${schema}.schema_migrations`);
    const applied = new Set(rows.map((row) => row.version));
    const pending = [...migrations].sort((a, b) => a.version - b.version).filter((m) => !applied.has(m.version));
    for (const migration of pending) {
      for (const statement of migration.statements) await tx.query(statement);
      await tx.query(`INSERT INTO ${schema}.schema_migrations (version, name) VALUES ($1, $2)`, [migration.version, migration.name]);
    }
    return pending.map((m) => m.version);
  });
