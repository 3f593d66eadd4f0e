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
  {
    version: 2,
    name: 'read model totals',
    // The dashboard samples the totals every second; counted from the rows, that was a scan of every article ever
    // projected (half a second at three million) and a sort of every story. Kept here instead, by the database
    // itself on every write to `stories`, whose per-story counts the projection already maintains.
    statements: [
      `CREATE TABLE read_model_totals (
        one_row boolean PRIMARY KEY DEFAULT true CHECK (one_row),
        stories bigint NOT NULL,
        articles bigint NOT NULL,
        duplicates bigint NOT NULL,
        syndicated bigint NOT NULL,
        rewrites bigint NOT NULL
      )`,
      `INSERT INTO read_model_totals
       SELECT true, count(*), coalesce(sum(article_count), 0), coalesce(sum(duplicate_count), 0),
              coalesce(sum(syndicated_count), 0), coalesce(sum(rewrite_count), 0)
       FROM stories`,
      // FROM CURRENT: the function finds the tables of the schema it was created in, whatever the caller's path.
      `CREATE FUNCTION count_read_model_totals() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
       BEGIN
         IF TG_OP IN ('UPDATE', 'DELETE') THEN
           UPDATE read_model_totals t SET stories = t.stories - o.stories, articles = t.articles - o.articles,
             duplicates = t.duplicates - o.duplicates, syndicated = t.syndicated - o.syndicated, rewrites = t.rewrites - o.rewrites
           FROM (SELECT count(*) AS stories, coalesce(sum(article_count), 0) AS articles, coalesce(sum(duplicate_count), 0) AS duplicates,
                        coalesce(sum(syndicated_count), 0) AS syndicated, coalesce(sum(rewrite_count), 0) AS rewrites
                 FROM old_rows) o;
         END IF;
         IF TG_OP IN ('UPDATE', 'INSERT') THEN
           UPDATE read_model_totals t SET stories = t.stories + n.stories, articles = t.articles + n.articles,
             duplicates = t.duplicates + n.duplicates, syndicated = t.syndicated + n.syndicated, rewrites = t.rewrites + n.rewrites
           FROM (SELECT count(*) AS stories, coalesce(sum(article_count), 0) AS articles, coalesce(sum(duplicate_count), 0) AS duplicates,
                        coalesce(sum(syndicated_count), 0) AS syndicated, coalesce(sum(rewrite_count), 0) AS rewrites
                 FROM new_rows) n;
         END IF;
         RETURN NULL;
       END $$`,
      'CREATE TRIGGER stories_totals_on_insert AFTER INSERT ON stories REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION count_read_model_totals()',
      'CREATE TRIGGER stories_totals_on_update AFTER UPDATE ON stories REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION count_read_model_totals()',
      'CREATE TRIGGER stories_totals_on_delete AFTER DELETE ON stories REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION count_read_model_totals()',
      // The dashboard's most-updated stories: the first rows of this index, not a sort of every story.
      'CREATE INDEX stories_most_articles ON stories (article_count DESC, updated_at DESC, story_id)',
    ],
  },
];
