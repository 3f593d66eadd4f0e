import { type Database } from '../../apps/stories/src/database/database';
import { migrate } from '../../apps/stories/src/database/migrate';
import { type Migration, MIGRATIONS } from '../../apps/stories/src/database/migrations';
import { openPgDatabase } from '../../apps/stories/src/database/pg-database';
import { openPgliteDatabase } from '../../apps/stories/src/database/pglite-database';
import { dropSchemas, TEST_DATABASE_URL, uniqueSchema } from './support/stories-app';

const failOnError = (error: Error) => {
  throw error;
};
const schemas: string[] = [];
const freshSchema = () => {
  const schema = uniqueSchema();
  schemas.push(schema);
  return schema;
};
const tables = async (db: Database) =>
  (await db.query<{ table_name: string }>("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name COLLATE \"C\"")).map(
    (row) => row.table_name,
  );

describe('migrations on real databases', () => {
  afterAll(() => dropSchemas(schemas));

  it('applies each migration once when two instances start at the same moment on PostgreSQL', async () => {
    const schema = freshSchema();
    const [a, b] = [0, 1].map(() => openPgDatabase({ url: TEST_DATABASE_URL, schema, onError: failOnError }));
    try {
      const applied = await Promise.all([migrate(a, schema, MIGRATIONS), migrate(b, schema, MIGRATIONS)]);
      expect(applied.flat()).toEqual([1, 2]);
      expect(await a.query('SELECT version, name FROM schema_migrations ORDER BY version')).toEqual([
        { version: 1, name: 'story read model' },
        { version: 2, name: 'read model totals' },
      ]);
      expect(await b.query('SELECT count(*)::int AS stories FROM stories')).toEqual([{ stories: 0 }]);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('applies pending migrations in version order and only those', async () => {
    const schema = freshSchema();
    const db = openPgDatabase({ url: TEST_DATABASE_URL, schema, onError: failOnError });
    const step = (version: number, statement: string): Migration => ({ version, name: `step ${version}`, statements: [statement] });
    try {
      // Out of order on purpose: 2 alters the table 1 creates.
      const first = [step(2, 'ALTER TABLE notes ADD COLUMN body text'), step(1, 'CREATE TABLE notes (id integer PRIMARY KEY)')];
      expect(await migrate(db, schema, first)).toEqual([1, 2]);
      expect(await migrate(db, schema, [...first, step(3, 'CREATE INDEX notes_body ON notes (body)')])).toEqual([3]);
      expect(await migrate(db, schema, [...first, step(3, 'CREATE INDEX notes_body ON notes (body)')])).toEqual([]);
      expect(await tables(db)).toEqual(['notes', 'schema_migrations']);
    } finally {
      await db.close();
    }
  });

  it('rolls a failing migration back entirely, so a fixed release starts clean', async () => {
    const schema = freshSchema();
    const db = openPgDatabase({ url: TEST_DATABASE_URL, schema, onError: failOnError });
    try {
      const broken: Migration = { version: 1, name: 'broken', statements: ['CREATE TABLE notes (id integer)', 'CREATE TABLE notes (id integer)'] };
      await expect(migrate(db, schema, [broken])).rejects.toThrow(/already exists/);
      expect(await db.query("SELECT 1 FROM information_schema.tables WHERE table_schema = $1", [schema])).toEqual([]);
    } finally {
      await db.close();
    }
  });

  it('migrates an embedded PGlite database into a schema of its own, once', async () => {
    const db = await openPgliteDatabase({ schema: 'read_model' });
    try {
      expect(await migrate(db, 'read_model', MIGRATIONS)).toEqual([1, 2]);
      expect(await migrate(db, 'read_model', MIGRATIONS)).toEqual([]);
      expect(await tables(db)).toEqual([
        'projection_offsets',
        'read_model_totals',
        'rejected_records',
        'schema_migrations',
        'stories',
        'story_aliases',
        'story_articles',
        'story_events',
      ]);
    } finally {
      await db.close();
    }
  });

  it.each(['PostgreSQL', 'PGlite'])('on %s, counts the totals of a read model that already holds stories, then keeps them with every write', async (flavour) => {
    const schema = freshSchema();
    const db = flavour === 'PostgreSQL' ? openPgDatabase({ url: TEST_DATABASE_URL, schema, onError: failOnError }) : await openPgliteDatabase({ schema });
    const totals = async () => (await db.query<Record<string, number>>('SELECT stories::int, articles::int, duplicates::int, syndicated::int, rewrites::int FROM read_model_totals'))[0];
    const story = (id: string, counts: number[]) =>
      db.query(
        `INSERT INTO stories (story_id, article_count, duplicate_count, syndicated_count, rewrite_count, created_at, updated_at, last_event_id)
         VALUES ($1, $2, $3, $4, $5, '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z', 'e')`,
        [id, ...counts],
      );
    try {
      await migrate(db, schema, MIGRATIONS.filter((m) => m.version === 1));
      await story('a', [5, 1, 2, 1]);
      await story('b', [1, 0, 0, 0]);
      expect(await migrate(db, schema, MIGRATIONS)).toEqual([2]);
      expect(await totals()).toEqual({ stories: 2, articles: 6, duplicates: 1, syndicated: 2, rewrites: 1 });
      // As the projection writes: an upsert that adds one story and touches another, a recount, a merge's delete.
      await db.query(
        `INSERT INTO stories (story_id, created_at, updated_at, last_event_id) VALUES ('b', now(), now(), 'e2'), ('c', now(), now(), 'e3')
         ON CONFLICT (story_id) DO UPDATE SET last_event_id = excluded.last_event_id`,
      );
      await db.query(`UPDATE stories SET article_count = article_count + 2, rewrite_count = rewrite_count + 1 WHERE story_id IN ('b', 'c')`);
      await db.query(`DELETE FROM stories WHERE story_id = 'a'`);
      expect(await totals()).toEqual({ stories: 2, articles: 5, duplicates: 0, syndicated: 0, rewrites: 2 });
      const [counted] = await db.query<Record<string, number>>(
        'SELECT count(*)::int AS stories, sum(article_count)::int AS articles, sum(duplicate_count)::int AS duplicates, sum(syndicated_count)::int AS syndicated, sum(rewrite_count)::int AS rewrites FROM stories',
      );
      expect(await totals()).toEqual(counted);
    } finally {
      await db.close();
    }
  });
});
