/**
 * Document frequencies learned from the stream itself: every indexed article adds its distinct terms. IDF is then
 * specific to the newsroom's own feed (its markets, its beats) instead of a foreign corpus.
 */
export class DocumentFrequencies {
  constructor(
    public documents = 0,
    readonly counts = new Map<number, number>(),
  ) {}

  add(distinctTerms: Iterable<number>): void {
    this.documents++;
    for (const term of distinctTerms) this.counts.set(term, (this.counts.get(term) ?? 0) + 1);
  }

  frequency(term: number): number {
    return this.counts.get(term) ?? 0;
  }

  /** Smoothed IDF; an unseen term weighs like one seen once, since a brand-new name is a strong signal. */
  idf(term: number): number {
    const df = this.counts.get(term) ?? 0;
    return Math.log((this.documents + 1) / (df + 1)) + 1;
  }
}
