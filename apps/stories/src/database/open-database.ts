import { type StoriesConfig } from '../config/stories.config';
import { type Database, schemaName } from './database';
import { migrate } from './migrate';
import { MIGRATIONS } from './migrations';
import { openPgDatabase } from './pg-database';
import { openPgliteDatabase } from './pglite-database';

type DatabaseSettings = Pick<StoriesConfig, 'DATABASE_URL' | 'DATABASE_SCHEMA' | 'PGLITE_DIR'>;

/** PostgreSQL when DATABASE_URL is set, else embedded PGlite; migrated before anything reads or writes. */
export const openDatabase = async (config: DatabaseSettings, onError: (error: Error) => void): Promise<Database> => {
  const schema = config.DATABASE_SCHEMA;
  const db =
    config.DATABASE_URL === undefined
      ? await openPgliteDatabase({ dataDir: config.PGLITE_DIR, schema })
      : openPgDatabase({ url: config.DATABASE_URL, schema, onError });
  try {
    await migrate(db, schemaName(schema), MIGRATIONS);
    return db;
  } catch (error) {
    await db.close();
    throw error;
  }
};
