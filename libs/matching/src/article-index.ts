import { ArticleFeatures, DEFAULT_INDEX_LIMITS, IndexLimits } from './article-features';
import { bestSlots } from './best-slots';
import { ensureCapacity, fromBase64, toBase64 } from './growable';
import { estimateStoredJaccard, MINHASH_SIZE, STORED_MINHASH_MASK } from './minhash';
import { PostingLists } from './posting-lists';
import { TermWeights } from './term-weights';
import { tfWeight } from './term-vector';

const MAX_OCCURRENCES = 0xffff;

export interface Candidate {
  slot: number;
  /** Sum of query weights of the terms the candidate shares: a cheap pre-score before exact cosine. */
  sharedMass: number;
}

export interface ArticleIndexSnapshot {
  limits: IndexLimits;
  size: number;
  sequence: number;
  articleIds: (string | null)[];
  storyIds: (string | null)[];
  free: number[];
  columns: Record<
    'sequence' | 'times' | 'termHashes' | 'termOccurrences' | 'termCounts' | 'minhash' | 'shingleCounts' | 'entityHashes' | 'entityCounts' | 'weekdays',
    string
  >;
}

/**
 * Indexed articles in columns of typed arrays (a few hundred bytes each, no per-article objects), an inverted index
 * from heavy terms to slots, and eviction by event time. Evicted slots are reused, so memory follows the window,
 * not the history. Terms are the caller's dense term ids (see DocumentFrequencies); snapshots store them as the
 * caller's stable term hashes.
 */
export class ArticleIndex {
  private size = 0;
  private sequenceCounter = 0;
  private articleIds: (string | null)[] = [];
  private storyIds: (string | null)[] = [];
  private free: number[] = [];
  private sequence = new Float64Array(0);
  private times = new Float64Array(0);
  private termIds = new Uint32Array(0);
  /** How often the article used each kept term, capped at 65,535 (a count only feeds a sublinear weight). */
  private termOccurrences = new Uint16Array(0);
  private termCounts = new Uint8Array(0);
  /** The low bits of each MinHash value: see `STORED_MINHASH_MASK`. */
  private minhash = new Uint16Array(0);
  private shingleCounts = new Uint32Array(0);
  private entityHashes = new Uint32Array(0);
  private entityCounts = new Uint8Array(0);
  private weekdayMasks = new Uint8Array(0);
  private readonly postings = new PostingLists();
  /** Each story's slots, so a merge relabels the merged stories' articles instead of scanning the whole index. */
  private readonly storySlots = new Map<string, number[]>();
  /** Retrieval scratch, one entry per slot: shared mass, and the query that last touched the slot. */
  private mass = new Float64Array(0);
  private touchedBy = new Uint32Array(0);
  private touched = new Int32Array(0);
  private queries = 0;

  constructor(readonly limits: IndexLimits = DEFAULT_INDEX_LIMITS) {}

  get liveArticles(): number {
    return this.size - this.free.length;
  }

  add(articleId: string, storyId: string, features: ArticleFeatures): number {
    const slot = this.free.length > 0 ? this.free.pop()! : this.size++;
    this.reserve(slot + 1);
    const { termsPerArticle: k, entitiesPerArticle: e } = this.limits;
    this.articleIds[slot] = articleId;
    this.label(slot, storyId);
    this.sequence[slot] = this.sequenceCounter++;
    this.times[slot] = features.time;
    const termCount = Math.min(k, features.terms.length);
    this.termCounts[slot] = termCount;
    for (let i = 0; i < termCount; i++) {
      this.termIds[slot * k + i] = features.terms[i];
      this.termOccurrences[slot * k + i] = Math.min(features.counts[i], MAX_OCCURRENCES);
      this.postings.push(features.terms[i], slot);
    }
    for (let i = 0; i < MINHASH_SIZE; i++) this.minhash[slot * MINHASH_SIZE + i] = features.minhash[i] & STORED_MINHASH_MASK;
    this.shingleCounts[slot] = features.shingles;
    const entityCount = Math.min(e, features.entities.length);
    this.entityCounts[slot] = entityCount;
    for (let i = 0; i < entityCount; i++) this.entityHashes[slot * e + i] = features.entities[i];
    this.weekdayMasks[slot] = features.weekdays;
    return slot;
  }

  articleId(slot: number): string {
    return this.articleIds[slot]!;
  }

  storyId(slot: number): string {
    return this.storyIds[slot]!;
  }

  time(slot: number): number {
    return this.times[slot];
  }

  shingles(slot: number): number {
    return this.shingleCounts[slot];
  }

  /** The article's `ArticleFeatures.weekdays`. */
  weekdays(slot: number): number {
    return this.weekdayMasks[slot];
  }

  /** Estimated shingle Jaccard of a signature with the stored article's. */
  jaccard(slot: number, signature: ArrayLike<number>): number {
    return estimateStoredJaccard(signature, this.minhash, slot * MINHASH_SIZE);
  }

  /**
   * Cosine between a unit query vector and the stored article, weighted with today's IDF rather than the IDF of the
   * day it was indexed: articles indexed while the stream was young would otherwise keep their flat early weights.
   */
  cosine(slot: number, query: TermWeights, idf: (term: number) => number): number {
    const k = this.limits.termsPerArticle;
    let dot = 0;
    let norm = 0;
    for (let i = slot * k, end = i + this.termCounts[slot]; i < end; i++) {
      const term = this.termIds[i];
      const weight = tfWeight(this.termOccurrences[i]) * idf(term);
      norm += weight * weight;
      dot += weight * query.weightOf(term);
    }
    return norm === 0 ? 0 : dot / Math.sqrt(norm);
  }

  entities(slot: number): Uint32Array {
    const e = this.limits.entitiesPerArticle;
    return this.entityHashes.subarray(slot * e, slot * e + this.entityCounts[slot]);
  }

  /**
   * Slots sharing the query's terms, best pre-score first (ties: older first, for determinism). A slot's pre-score
   * is the sum, in query order, of the weights of the query terms under which it is among the newest
   * `postingsPerTerm` postings. The index keeps every posting; how deep a query looks is the query's choice, since
   * at scale the walk is most of the step. Scores go to typed scratch indexed by slot rather than a Map: at a
   * million articles one query walks tens of thousands of postings.
   *
   * A slot first touched under the query's j-th term can only have gathered the weights of the terms from j on, so
   * the slots listed while walking each term form a run bounded by that suffix sum; the common terms come last and
   * list the most slots, and once the `limit`-th best is above their bound the best-of pass skips them unread
   * (query weights are never negative).
   */
  candidates(query: ReadonlyArray<readonly [number, number]>, limit: number, postingsPerTerm: number): Candidate[] {
    const { mass, touchedBy, sequence, postings } = this;
    const arena = postings.arena;
    const stamp = ++this.queries;
    let touched = 0;
    const ends: number[] = [];
    for (const [term, weight] of query) {
      const length = postings.length(term);
      const scanned = Math.min(length, postingsPerTerm);
      if (scanned > 0) {
        if (this.touched.length < touched + scanned) this.touched = ensureCapacity(this.touched, touched + scanned, Int32Array);
        const end = postings.start(term) + length;
        for (let i = end - scanned; i < end; i++) {
          const slot = arena[i];
          if (touchedBy[slot] === stamp) mass[slot] += weight;
          else {
            touchedBy[slot] = stamp;
            mass[slot] = weight;
            this.touched[touched++] = slot;
          }
        }
      }
      ends.push(touched);
    }
    const bounds = new Array<number>(ends.length);
    let suffix = 0;
    // A slot's mass sums some of these weights in another grouping; the slack keeps rounding from putting it a hair
    // above the exact suffix sum, so a skipped slot could never have tied its way in.
    for (let j = ends.length - 1; j >= 0; j--) bounds[j] = (suffix += query[j][1]) * (1 + 1e-9);
    return bestSlots(this.touched, touched, limit, mass, sequence, { ends, bounds }).map((slot) => ({ slot, sharedMass: mass[slot] }));
  }

  /** Drops every article older than `horizon`; returns the ids it dropped. */
  evictBefore(horizon: number): string[] {
    const evicted = new Set<number>();
    for (let slot = 0; slot < this.size; slot++) {
      if (this.articleIds[slot] !== null && this.times[slot] < horizon) evicted.add(slot);
    }
    if (evicted.size === 0) return [];
    const k = this.limits.termsPerArticle;
    const touched = new Set<number>();
    for (const slot of evicted) for (let i = 0; i < this.termCounts[slot]; i++) touched.add(this.termIds[slot * k + i]);
    for (const term of touched) this.postings.retain(term, (slot) => !evicted.has(slot));
    const ids: string[] = [];
    const stories = new Set<string>();
    for (const slot of [...evicted].sort((a, b) => a - b)) {
      ids.push(this.articleIds[slot]!);
      stories.add(this.storyIds[slot]!);
      this.articleIds[slot] = null;
      this.storyIds[slot] = null;
      this.termCounts[slot] = 0;
      this.entityCounts[slot] = 0;
      this.weekdayMasks[slot] = 0;
      this.free.push(slot);
    }
    for (const story of stories) {
      const kept = this.storySlots.get(story)!.filter((slot) => this.storyIds[slot] === story);
      if (kept.length === 0) this.storySlots.delete(story);
      else this.storySlots.set(story, kept);
    }
    return ids;
  }

  /** Re-points every slot of the merged stories at the survivor. */
  relabelStories(merged: ReadonlySet<string>, survivor: string): void {
    for (const story of merged) {
      const slots = this.storySlots.get(story);
      if (story === survivor || slots === undefined) continue;
      this.storySlots.delete(story);
      for (const slot of slots) this.label(slot, survivor);
    }
  }

  /** `termHash` maps the index's term ids back to the stable hashes a snapshot stores. */
  toSnapshot(termHash: (id: number) => number): ArticleIndexSnapshot {
    const n = this.size;
    const k = this.limits.termsPerArticle;
    const e = this.limits.entitiesPerArticle;
    return {
      limits: this.limits,
      size: n,
      sequence: this.sequenceCounter,
      articleIds: this.articleIds.slice(0, n),
      storyIds: this.storyIds.slice(0, n),
      free: [...this.free],
      columns: {
        sequence: toBase64(this.sequence.subarray(0, n)),
        times: toBase64(this.times.subarray(0, n)),
        termHashes: toBase64(this.mapTerms(this.termIds, n, termHash)),
        termOccurrences: toBase64(this.termOccurrences.subarray(0, n * k)),
        termCounts: toBase64(this.termCounts.subarray(0, n)),
        minhash: toBase64(this.minhash.subarray(0, n * MINHASH_SIZE)),
        shingleCounts: toBase64(this.shingleCounts.subarray(0, n)),
        entityHashes: toBase64(this.entityHashes.subarray(0, n * e)),
        entityCounts: toBase64(this.entityCounts.subarray(0, n)),
        weekdays: toBase64(this.weekdayMasks.subarray(0, n)),
      },
    };
  }

  /** `termId` maps a stored term hash to the caller's id for it. */
  static fromSnapshot(snapshot: ArticleIndexSnapshot, termId: (hash: number) => number): ArticleIndex {
    const index = new ArticleIndex(snapshot.limits);
    const c = snapshot.columns;
    index.size = snapshot.size;
    index.sequenceCounter = snapshot.sequence;
    index.articleIds = [...snapshot.articleIds];
    snapshot.storyIds.forEach((story, slot) => {
      if (story !== null) index.label(slot, story);
      else index.storyIds[slot] = null;
    });
    index.free = [...snapshot.free];
    index.sequence = fromBase64(c.sequence, Float64Array);
    index.times = fromBase64(c.times, Float64Array);
    index.termOccurrences = fromBase64(c.termOccurrences, Uint16Array);
    index.termCounts = fromBase64(c.termCounts, Uint8Array);
    index.termIds = index.mapTerms(fromBase64(c.termHashes, Uint32Array), index.size, termId);
    index.minhash = fromBase64(c.minhash, Uint16Array);
    index.shingleCounts = fromBase64(c.shingleCounts, Uint32Array);
    index.entityHashes = fromBase64(c.entityHashes, Uint32Array);
    index.entityCounts = fromBase64(c.entityCounts, Uint8Array);
    index.weekdayMasks = fromBase64(c.weekdays, Uint8Array);
    const k = index.limits.termsPerArticle;
    const bySequence = Array.from({ length: index.size }, (_, slot) => slot)
      .filter((slot) => index.articleIds[slot] !== null)
      .sort((a, b) => index.sequence[a] - index.sequence[b]);
    for (const slot of bySequence) for (let i = 0; i < index.termCounts[slot]; i++) index.postings.push(index.termIds[slot * k + i], slot);
    index.reserve(index.size);
    return index;
  }

  /** The term column with each article's terms mapped; cells past an article's term count stay 0. */
  private mapTerms(column: Uint32Array, slots: number, map: (term: number) => number) {
    const k = this.limits.termsPerArticle;
    const mapped = new Uint32Array(slots * k);
    for (let slot = 0; slot < slots; slot++) for (let i = slot * k; i < slot * k + this.termCounts[slot]; i++) mapped[i] = map(column[i]);
    return mapped;
  }

  private label(slot: number, story: string): void {
    this.storyIds[slot] = story;
    const slots = this.storySlots.get(story);
    if (slots) slots.push(slot);
    else this.storySlots.set(story, [slot]);
  }

  private reserve(slots: number): void {
    const k = this.limits.termsPerArticle;
    const e = this.limits.entitiesPerArticle;
    this.sequence = ensureCapacity(this.sequence, slots, Float64Array);
    this.times = ensureCapacity(this.times, slots, Float64Array);
    this.termIds = ensureCapacity(this.termIds, slots * k, Uint32Array);
    this.termOccurrences = ensureCapacity(this.termOccurrences, slots * k, Uint16Array);
    this.termCounts = ensureCapacity(this.termCounts, slots, Uint8Array);
    this.minhash = ensureCapacity(this.minhash, slots * MINHASH_SIZE, Uint16Array);
    this.shingleCounts = ensureCapacity(this.shingleCounts, slots, Uint32Array);
    this.entityHashes = ensureCapacity(this.entityHashes, slots * e, Uint32Array);
    this.entityCounts = ensureCapacity(this.entityCounts, slots, Uint8Array);
    this.weekdayMasks = ensureCapacity(this.weekdayMasks, slots, Uint8Array);
    this.mass = ensureCapacity(this.mass, slots, Float64Array);
    this.touchedBy = ensureCapacity(this.touchedBy, slots, Uint32Array);
  }
}
