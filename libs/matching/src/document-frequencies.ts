import { ensureCapacity } from './growable';

const EMPTY = 0;
/** IDF is memoised per document frequency: a handful of small counts cover most lookups of one decision. */
const IDF_MEMO = 4096;

/**
 * Document frequencies learned from the stream itself: every indexed article adds its distinct terms. IDF is then
 * specific to the newsroom's own feed (its markets, its beats) instead of a foreign corpus.
 *
 * Each term seen gets a dense id (first seen, first numbered), so the index and the story profiles keep ids and
 * reach a term's count by array index: IDF is read for every term of every candidate, and a hash lookup there
 * was the engine's single largest cost. The term → id table is open addressing over typed arrays (a few bytes per
 * term rather than a Map entry).
 *
 * A feed never stops coining terms (names, figures, typos), so a table that kept them all would grow for the life
 * of the service. `forgetDormant` drops terms no document has used since a horizon, unless they are common
 * or something holds their id (`hold`/`release`: the story centroids), and gives their ids to the next new terms.
 * A forgotten term that comes back counts as new.
 */
export class DocumentFrequencies {
  documents = 0;
  private size = 0;
  private hashes = new Uint32Array(0);
  private counts = new Uint32Array(0);
  /** Event time of the last document that used each term. */
  private lastSeen = new Float64Array(0);
  /** How many holders (story centroids) keep each id in use: a held id is never forgotten, so never reused. */
  private holds = new Uint32Array(0);
  /** Ids of forgotten terms, highest first, so the next new term takes the lowest; a forgotten id has count 0. */
  private free: number[] = [];
  /** id + 1 per bucket, 0 when empty; kept at most half full. */
  private table = new Int32Array(1024);
  private shift = 32 - 10;
  private readonly memo = new Float64Array(IDF_MEMO);
  /** The `documents` value each memo entry was computed at: any add invalidates the whole memo at once. */
  private readonly memoAt = new Float64Array(IDF_MEMO).fill(-1);

  /** Distinct terms known now. */
  get terms(): number {
    return this.size - this.free.length;
  }

  /** Every id in use is below this. */
  get idLimit(): number {
    return this.size;
  }

  /** Counts a document of event time `time`; returns the terms' ids in the order given, which the caller would
   * otherwise look up again. */
  add(distinctTerms: Iterable<number>, time: number): number[] {
    this.documents++;
    const ids: number[] = [];
    for (const term of distinctTerms) {
      // Not `this.counts[this.intern(term)]++`: interning can grow (replace) the counts array.
      const id = this.intern(term);
      if (this.counts[id]++ === 0 || time > this.lastSeen[id]) this.lastSeen[id] = time;
      ids.push(id);
    }
    return ids;
  }

  hold(id: number): void {
    this.holds[id]++;
  }

  release(id: number): void {
    if (this.holds[id] === 0) throw new Error(`term id ${id} released more often than held`);
    this.holds[id]--;
  }

  /**
   * Forgets every term no document has used since `horizon`, that nothing holds and that fewer than `commonFrom`
   * documents used; returns how many. Deterministic in its inputs, so a replay of the same events forgets the same
   * terms and reuses the same ids.
   */
  forgetDormant(horizon: number, commonFrom: number): number {
    let forgotten = 0;
    for (let id = 0; id < this.size; id++) {
      const count = this.counts[id];
      if (count === 0 || this.lastSeen[id] >= horizon || this.holds[id] > 0 || count >= commonFrom) continue;
      this.counts[id] = 0;
      this.hashes[id] = 0;
      this.lastSeen[id] = 0;
      forgotten++;
    }
    if (forgotten > 0) {
      this.rehash(this.table.length);
      this.collectFree();
    }
    return forgotten;
  }

  /** The term's id, or -1 when no document has used it. */
  idOf(term: number): number {
    const table = this.table;
    const mask = table.length - 1;
    for (let bucket = this.bucketOf(term); ; bucket = (bucket + 1) & mask) {
      const entry = table[bucket];
      if (entry === EMPTY) return -1;
      if (this.hashes[entry - 1] === term) return entry - 1;
    }
  }

  /** The term hash behind an id. */
  termOf(id: number): number {
    return this.hashes[id];
  }

  frequency(term: number): number {
    const id = this.idOf(term);
    return id < 0 ? 0 : this.counts[id];
  }

  /** Smoothed IDF; an unseen term weighs like one seen once, since a brand-new name is a strong signal. */
  idf(term: number): number {
    return this.idfOfCount(this.frequency(term));
  }

  idfOf(id: number): number {
    return this.idfOfCount(this.counts[id]);
  }

  /** [term hash, count] by id, [0, 0] for a forgotten id, so `fromEntries` gives back the same ids. */
  entries(): [number, number][] {
    return Array.from({ length: this.size }, (_, id): [number, number] => [this.hashes[id], this.counts[id]]);
  }

  /** When each id's term was last used, in `entries` order (0 for a forgotten id). */
  lastSeenTimes(): number[] {
    return Array.from(this.lastSeen.subarray(0, this.size));
  }

  static fromEntries(documents: number, entries: readonly (readonly [number, number])[], lastSeen: readonly number[]): DocumentFrequencies {
    if (lastSeen.length !== entries.length) throw new Error(`${entries.length} terms but ${lastSeen.length} last-seen times`);
    const frequencies = new DocumentFrequencies();
    frequencies.documents = documents;
    entries.forEach(([term, count], at) => {
      // A forgotten id keeps its place, so the ids after it keep theirs.
      const id = count === 0 ? frequencies.size++ : frequencies.intern(term);
      frequencies.grow();
      frequencies.counts[id] = count;
      frequencies.lastSeen[id] = lastSeen[at];
    });
    frequencies.collectFree();
    return frequencies;
  }

  private idfOfCount(df: number): number {
    if (df >= IDF_MEMO) return Math.log((this.documents + 1) / (df + 1)) + 1;
    if (this.memoAt[df] !== this.documents) {
      this.memo[df] = Math.log((this.documents + 1) / (df + 1)) + 1;
      this.memoAt[df] = this.documents;
    }
    return this.memo[df];
  }

  private bucketOf(term: number): number {
    return Math.imul(term, 0x9e3779b1) >>> this.shift;
  }

  private intern(term: number): number {
    const known = this.idOf(term);
    if (known >= 0) return known;
    const id = this.free.pop() ?? this.size++;
    this.grow();
    this.hashes[id] = term;
    // The new id has no count yet, so a rehash leaves it out; it is placed after.
    if (this.terms * 2 > this.table.length) this.rehash(this.table.length * 2);
    this.place(id);
    return id;
  }

  private grow(): void {
    this.hashes = ensureCapacity(this.hashes, this.size, Uint32Array);
    this.counts = ensureCapacity(this.counts, this.size, Uint32Array);
    this.lastSeen = ensureCapacity(this.lastSeen, this.size, Float64Array);
    this.holds = ensureCapacity(this.holds, this.size, Uint32Array);
  }

  private collectFree(): void {
    this.free = [];
    for (let id = this.size - 1; id >= 0; id--) if (this.counts[id] === 0) this.free.push(id);
  }

  private place(id: number): void {
    const mask = this.table.length - 1;
    let bucket = this.bucketOf(this.hashes[id]);
    while (this.table[bucket] !== EMPTY) bucket = (bucket + 1) & mask;
    this.table[bucket] = id + 1;
  }

  /** Places every counted id: forgotten ids (and one being interned) have none. */
  private rehash(buckets: number): void {
    this.table = new Int32Array(buckets);
    this.shift = 32 - Math.log2(buckets);
    for (let id = 0; id < this.size; id++) if (this.counts[id] > 0) this.place(id);
  }
}
