/** Sparse term bag: term → weight. */
export type TermBag = Map<string, number>;

export const bagOf = (terms: readonly string[], weight: (term: string) => number): TermBag => {
  const bag: TermBag = new Map();
  for (const term of terms) bag.set(term, (bag.get(term) ?? 0) + weight(term));
  return bag;
};

const addInto = (into: TermBag, bag: TermBag): TermBag => {
  for (const [term, w] of bag) into.set(term, (into.get(term) ?? 0) + w);
  return into;
};

const topTerms = (bag: TermBag, count: number): string[] =>
  [...bag.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, count)
    .map(([term]) => term);

export const cosine = (a: TermBag, b: TermBag): number => {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [term, w] of small) dot += w * (large.get(term) ?? 0);
  if (dot === 0) return 0;
  let na = 0;
  let nb = 0;
  for (const w of a.values()) na += w * w;
  for (const w of b.values()) nb += w * w;
  return dot / Math.sqrt(na * nb);
};

export interface TopicalCutOptions {
  /** Below this similarity between what precedes and what follows a cut, the tail is another topic. */
  maxTailSimilarity: number;
  /** The tail may only start after this fraction of the paragraphs: the lead defines the article. */
  minLeadFraction: number;
  /** How many of the lead's heaviest terms anchor the topic: a paragraph naming enough of them belongs. */
  anchors: number;
  /** One shared anchor can be coincidence ("rocket" in a story on drills); two tie the paragraph to the topic. */
  anchorsToBelong: number;
}

export const DEFAULT_TOPICAL_CUT: TopicalCutOptions = { maxTailSimilarity: 0.08, minLeadFraction: 0.34, anchors: 10, anchorsToBelong: 2 };

/**
 * Where unrelated trailing content begins ("related stories", an ad, a second article glued on), or `bags.length`
 * when there is none. The cut is the earliest one whose whole tail, and every paragraph in it, is topically
 * disconnected from everything before it and names too few of its anchor terms. IDF weighting keeps shared function-like words ("US", "said") from
 * bridging the two parts.
 */
export const topicalCut = (bags: readonly TermBag[], options: TopicalCutOptions = DEFAULT_TOPICAL_CUT): number => {
  const n = bags.length;
  if (n < 2) return n;
  const firstCandidate = Math.max(1, Math.ceil(n * options.minLeadFraction));
  const prefixes: TermBag[] = [];
  let running: TermBag = new Map();
  for (const bag of bags) {
    running = addInto(new Map(running), bag);
    prefixes.push(running);
  }
  let cut = n;
  let tail: TermBag = new Map();
  for (let k = n - 1; k >= firstCandidate; k--) {
    tail = addInto(tail, bags[k]);
    const lead = prefixes[k - 1];
    if (cosine(lead, tail) >= options.maxTailSimilarity) continue;
    const anchors = topTerms(lead, options.anchors);
    let everyParagraphDisconnected = true;
    for (let j = k; j < n && everyParagraphDisconnected; j++) {
      everyParagraphDisconnected =
        cosine(lead, bags[j]) < options.maxTailSimilarity * 1.5 &&
        anchors.filter((t) => bags[j].has(t)).length < options.anchorsToBelong;
    }
    if (everyParagraphDisconnected) cut = k;
  }
  return cut;
};
