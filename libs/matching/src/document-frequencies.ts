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
 * term rather than a Map entry). Terms are never forgotten, so ids are stable for the life of the state.
 */
export class DocumentFrequencies {
  documents = 0;
  private size = 0;
  private hashes = new Uint32Array(0);
  private counts = new Uint32Array(0);
  /** id + 1 per bucket, 0 when empty; kept at most half full. */
  private table = new Int32Array(1024);
  private shift = 32 - 10;
  private readonly memo = new Float64Array(IDF_MEMO);
  /** The `documents` value each memo entry was computed at: any add invalidates the whole memo at once. */
  private readonly memoAt = new Float64Array(IDF_MEMO).fill(-1);

  /** Distinct terms seen so far; ids run from 0 to this. */
  get terms(): number {
    return this.size;
  }

  /** Returns the terms' ids in the order given, which the caller would otherwise look up again. */
  add(distinctTerms: Iterable<number>): number[] {
    this.documents++;
    const ids: number[] = [];
    for (const term of distinctTerms) {
      // Not `this.counts[this.intern(term)]++`: interning can grow (replace) the counts array.
      const id = this.intern(term);
      this.counts[id]++;
      ids.push(id);
    }
    return ids;
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

  /** [term hash, count] in id order: the order terms were first seen, so `fromEntries` gives back the same ids. */
  entries(): [number, number][] {
    return Array.from({ length: this.size }, (_, id): [number, number] => [this.hashes[id], this.counts[id]]);
  }

  static fromEntries(documents: number, entries: Iterable<readonly [number, number]>): DocumentFrequencies {
    const frequencies = new DocumentFrequencies();
    frequencies.documents = documents;
    for (const [term, count] of entries) {
      const id = frequencies.intern(term);
      frequencies.counts[id] = count;
    }
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
    const id = this.size++;
    this.hashes = ensureCapacity(this.hashes, this.size, Uint32Array);
    this.counts = ensureCapacity(this.counts, this.size, Uint32Array);
    this.hashes[id] = term;
    if (this.size * 2 > this.table.length) this.rehash(this.table.length * 2);
    else this.place(id);
    return id;
  }

  private place(id: number): void {
    const mask = this.table.length - 1;
    let bucket = this.bucketOf(this.hashes[id]);
    while (this.table[bucket] !== EMPTY) bucket = (bucket + 1) & mask;
    this.table[bucket] = id + 1;
  }

  private rehash(buckets: number): void {
    this.table = new Int32Array(buckets);
    this.shift = 32 - Math.log2(buckets);
    for (let id = 0; id < this.size; id++) this.place(id);
  }
}
