import { Client, type ClientConfig, Pool } from 'pg';
import { type Database, type Queryable } from './database';

export interface PgDatabaseOptions {
  url: string;
  /** Every connection resolves table names in this schema first. */
  schema?: string | undefined;
  onError: (error: Error) => void;
}

const LISTEN_RETRY_MS = 1_000;

const connectionConfig = ({ url, schema }: PgDatabaseOptions): ClientConfig => ({
  connectionString: url,
  // A startup parameter rather than a SET after connect: no query can run before it applies.
  ...(schema === undefined ? {} : { options: `-c search_path=${schema}` }),
});

/** PostgreSQL through a pg pool: the production adapter. */
export const openPgDatabase = (options: PgDatabaseOptions): Database => {
  const pool = new Pool(connectionConfig(options));
  // An idle client that loses its server emits here; unhandled, it would end the process.
  pool.on('error', options.onError);
  const listeners = new Set<Client>();
  let closed = false;

  const query: Queryable['query'] = async <Row>(sql: string, params: readonly unknown[] = []) =>
    (await pool.query(sql, [...params])).rows as Row[];

  return {
    query,
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work({ query: async <Row>(sql: string, params: readonly unknown[] = []) => (await client.query(sql, [...params])).rows as Row[] });
        await client.query('COMMIT');
        client.release();
        return result;
      } catch (error) {
        // A failed ROLLBACK means the connection is broken: destroy it instead of returning it to the pool.
        await client.query('ROLLBACK').then(
          () => client.release(),
          (rollbackError: Error) => client.release(rollbackError),
        );
        throw error;
      }
    },
    async listen(channel, onNotify) {
      // LISTEN belongs to a session, so it gets a connection of its own outside the pool. If that connection drops,
      // a new one listens again and an empty notification tells the caller to look for what it missed meanwhile.
      let current: Client | undefined;
      let stopped = false;
      const connect = async (): Promise<void> => {
        const client = new Client(connectionConfig(options));
        client.on('error', options.onError);
        client.on('notification', (message) => onNotify(message.payload ?? ''));
        // Only a connection that was listening reconnects; a failed attempt is retried by reconnect() itself.
        client.on('end', () => {
          listeners.delete(client);
          if (client === current && !stopped && !closed) setTimeout(() => void reconnect(), LISTEN_RETRY_MS).unref();
        });
        try {
          await client.connect();
          await client.query(`LISTEN ${channel}`);
        } catch (error) {
          await client.end().catch(() => undefined);
          throw error;
        }
        current = client;
        listeners.add(client);
      };
      const reconnect = async (): Promise<void> => {
        if (stopped || closed) return;
        try {
          await connect();
          onNotify('');
        } catch (error) {
          options.onError(error as Error);
          setTimeout(() => void reconnect(), LISTEN_RETRY_MS).unref();
        }
      };
      await connect();
      return async () => {
        stopped = true;
        if (current !== undefined) listeners.delete(current);
        await current?.end();
      };
    },
    async close() {
      closed = true;
      await Promise.all([...listeners].map((client) => client.end()));
      listeners.clear();
      await pool.end();
    },
  };
};
