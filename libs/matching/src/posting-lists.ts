import { ensureCapacity } from './growable';

/** The smallest region a list gets: most terms are posted under once or twice. */
const MIN_CLASS = 1;

/**
 * Every term's postings (slots, oldest first) as runs of one Int32Array arena, indexed by the caller's dense term
 * ids. A Map of JS arrays cost about 17 bytes per posting here (8 per element without pointer compression, growth
 * slack, and an array, a backing store and a map entry per term, most terms having a handful of postings); a run
 * costs 4 bytes per posting plus its power-of-two slack.
 *
 * A list lives in one region of 2^k cells, so a walk reads it contiguously; a full list moves to a region twice
 * the size, and a list that eviction left at a quarter of its region moves to a smaller one. Freed regions wait,
 * by size, for the next list of that size, so the arena only grows when none waits: in a steady window it stops
 * growing.
 */
export class PostingLists {
  private cells = new Int32Array(1 << 12);
  private used = 0;
  private starts = new Int32Array(0);
  private lengths = new Int32Array(0);
  /** log2 of each list's region size; meaningless while its length is 0 (no region). */
  private classes = new Uint8Array(0);
  private readonly free: number[][] = [];

  /** The arena: a term's postings are `cells[start(term) .. start(term) + length(term))`. Valid until the next
   * change to the lists. */
  get arena(): Int32Array {
    return this.cells;
  }

  length(term: number): number {
    return term < this.lengths.length ? this.lengths[term] : 0;
  }

  start(term: number): number {
    return this.starts[term];
  }

  push(term: number, slot: number): void {
    if (term >= this.lengths.length) {
      this.starts = ensureCapacity(this.starts, term + 1, Int32Array);
      this.lengths = ensureCapacity(this.lengths, term + 1, Int32Array);
      this.classes = ensureCapacity(this.classes, term + 1, Uint8Array);
    }
    const length = this.lengths[term];
    if (length === 0) this.place(term, MIN_CLASS);
    else if (length === 1 << this.classes[term]) this.move(term, this.classes[term] + 1);
    this.cells[this.starts[term] + length] = slot;
    this.lengths[term] = length + 1;
  }

  /** Drops the term's postings that `keep` refuses, keeping the others in order. */
  retain(term: number, keep: (slot: number) => boolean): void {
    const length = this.length(term);
    // An empty list has no region to give back.
    if (length === 0) return;
    const start = this.starts[term];
    let kept = 0;
    for (let i = start; i < start + length; i++) if (keep(this.cells[i])) this.cells[start + kept++] = this.cells[i];
    this.lengths[term] = kept;
    if (kept === 0) this.release(start, this.classes[term]);
    else if (kept <= 1 << (this.classes[term] - 2) && this.classes[term] - 2 >= MIN_CLASS) this.move(term, this.classes[term] - 1);
  }

  private place(term: number, sizeClass: number): void {
    this.starts[term] = this.allocate(sizeClass);
    this.classes[term] = sizeClass;
  }

  private move(term: number, sizeClass: number): void {
    const from = this.starts[term];
    const fromClass = this.classes[term];
    const to = this.allocate(sizeClass);
    // allocate may replace the arena, so the copy reads the current one.
    this.cells.copyWithin(to, from, from + this.lengths[term]);
    this.release(from, fromClass);
    this.starts[term] = to;
    this.classes[term] = sizeClass;
  }

  private allocate(sizeClass: number): number {
    const waiting = this.free[sizeClass];
    if (waiting !== undefined && waiting.length > 0) return waiting.pop()!;
    const size = 1 << sizeClass;
    if (this.used + size > this.cells.length) {
      // Half again rather than double: the arena is the largest thing the postings keep.
      const grown = new Int32Array(Math.max(this.used + size, Math.ceil(this.cells.length * 1.5)));
      grown.set(this.cells.subarray(0, this.used));
      this.cells = grown;
    }
    const at = this.used;
    this.used += size;
    return at;
  }

  private release(start: number, sizeClass: number): void {
    (this.free[sizeClass] ??= []).push(start);
  }
}
