export interface Migration {
  readonly version: number;
  readonly name: string;
  /** One statement per entry: PGlite's extended protocol takes one statement per call. */
  readonly statements: readonly string[];
}

/**
 * The schema, as numbered steps applied in order and never edited once released: add a new step instead.
 * Ids are COLLATE "C" so ordering (and keyset pagination) is byte order on every server and on PGlite alike.
 * Times come from the events (`at`), never from the clock, so replaying the log rebuilds an identical database.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'story read model',
    statements: [
      `CREATE TABLE stories (
        story_id text COLLATE "C" PRIMARY KEY,
        title text,
        article_count integer NOT NULL DEFAULT 0,
        duplicate_count integer NOT NULL DEFAULT 0,
        syndicated_count integer NOT NULL DEFAULT 0,
        rewrite_count integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        last_event_id text NOT NULL
      )`,
      'CREATE INDEX stories_newest_first ON stories (updated_at DESC, story_id DESC)',
      // Every applied event, in projection order: the dedupe key (event_id), the timelines and the SSE replay (seq).
      `CREATE TABLE story_events (
        seq bigint PRIMARY KEY,
        event_id text COLLATE "C" NOT NULL UNIQUE,
        story_id text COLLATE "C" NOT NULL,
        type text NOT NULL,
        at timestamptz NOT NULL,
        event json NOT NULL
      )`,
      'CREATE INDEX story_events_timeline ON story_events (story_id, seq)',
      `CREATE TABLE story_articles (
        article_id text COLLATE "C" PRIMARY KEY,
        story_id text COLLATE "C" NOT NULL,
        relation text NOT NULL CHECK (relation IN ('origin', 'duplicate', 'syndicated', 'rewrite')),
        title text,
        source text,
        url text,
        published_at text,
        joined_at timestamptz NOT NULL,
        event_seq bigint NOT NULL
      )`,
      'CREATE INDEX story_articles_by_story ON story_articles (story_id, event_seq)',
      `CREATE TABLE story_aliases (
        merged_story_id text COLLATE "C" PRIMARY KEY,
        story_id text COLLATE "C" NOT NULL,
        event_seq bigint NOT NULL
      )`,
      'CREATE INDEX story_aliases_by_survivor ON story_aliases (story_id)',
      // The offset store: "offset" is the next one to consume, as Kafka commits count it.
      `CREATE TABLE projection_offsets (
        topic text NOT NULL,
        partition integer NOT NULL,
        "offset" bigint NOT NULL,
        PRIMARY KEY (topic, partition)
      )`,
      // Records that are not story events: kept with the reason, so skipping one loses nothing.
      `CREATE TABLE rejected_records (
        topic text NOT NULL,
        partition integer NOT NULL,
        "offset" bigint NOT NULL,
        reason text NOT NULL,
        payload text,
        payload_encoding text NOT NULL,
        PRIMARY KEY (topic, partition, "offset")
      )`,
    ],
  },
];
