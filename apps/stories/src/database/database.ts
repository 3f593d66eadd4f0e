/** What the read side needs from PostgreSQL, whichever engine serves it (a pg pool or embedded PGlite). */
export interface Queryable {
  /** One statement with $1… parameters; rows come back as plain objects keyed by column name. */
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
}

export interface Database extends Queryable {
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Calls `onNotify` with the payload of every NOTIFY on `channel`; the returned function stops listening. */
  listen(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export const DATABASE = Symbol('DATABASE');

/** The schema tables live in: DATABASE_SCHEMA, else PostgreSQL's default. */
export const schemaName = (configured: string | undefined): string => configured ?? 'public';
