/** Ids are index keys, and PostgreSQL refuses an index entry over about 2.7 kB: a longer id would fail its statement.
 * The ids dedup writes are a few hundred bytes at most. */
export const MAX_ID_BYTES = 1024;

/** Whether an id can be a key of the read model: text PostgreSQL stores (no NUL, no lone surrogate) within the limit.
 * An id that cannot be stored names nothing, so a lookup of one is answered without a query that would fail. */
export const isStorableId = (id: string): boolean => !id.includes('\u0000') && id.isWellFormed() && Buffer.byteLength(id, 'utf8') <= MAX_ID_BYTES;
