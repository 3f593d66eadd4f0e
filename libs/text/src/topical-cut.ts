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
 * A paragraph's weighted bag of terms over article-local term ids. Ids are numbered in order of first use in the
 * article, so the terms of any lead (paragraphs 0..k) are exactly the ids below its size, in first-use order.
 * Plain arrays throughout: these are small and short-lived, and a typed array costs an off-heap allocation each.
 */
interface Bag {
  ids: number[];
  values: number[];
}

/** A paragraph's content terms and their hash32s, in the same order. */
export interface ParagraphTerms {
  terms: readonly string[];
  termHashes: readonly number[];
}

/**
 * Bags in first-use order within each paragraph; a term's value sums its weight once per use, in order, so every
 * figure below is the same float a term → weight Map built the plain way would hold.
 */
const bagsOf = (paragraphs: readonly ParagraphTerms[], weight: (termHash: number) => number) => {
  const ids = new Map<string, number>();
  const names: string[] = [];
  const weights: number[] = [];
  const scratch: number[] = [];
  /** The last paragraph (1-based) that used each term: membership does not hinge on a weight being non-zero. */
  const usedIn: number[] = [];
  const bags: Bag[] = [];
  /** Distinct terms in paragraphs 0..j: the size of the lead ending at j. */
  const leadSizes: number[] = [];
  for (const { terms, termHashes } of paragraphs) {
    const order: number[] = [];
    for (let t = 0; t < terms.length; t++) {
      const term = terms[t];
      let id = ids.get(term);
      if (id === undefined) {
        id = names.length;
        ids.set(term, id);
        names.push(term);
        // A weight is a function of the term alone, so it is asked once per article rather than once per use.
        weights.push(weight(termHashes[t]));
        scratch.push(0);
        usedIn.push(0);
      }
      if (usedIn[id] !== bags.length + 1) {
        usedIn[id] = bags.length + 1;
        order.push(id);
      }
      scratch[id] += weights[id];
    }
    bags.push({ ids: order, values: order.map((id) => scratch[id]) });
    for (const id of order) scratch[id] = 0;
    leadSizes.push(names.length);
  }
  return { names, bags, leadSizes };
};

const zeros = (length: number): number[] => new Array<number>(length).fill(0);

const sumOfSquares = (values: readonly number[], ids: readonly number[], count: number): number => {
  let sum = 0;
  for (let i = 0; i < count; i++) sum += values[ids[i]] * values[ids[i]];
  return sum;
};

/** sumOfSquares over the ids below `count`, in that order. */
const leadSumOfSquares = (lead: readonly number[], count: number): number => {
  let sum = 0;
  for (let id = 0; id < count; id++) sum += lead[id] * lead[id];
  return sum;
};

/**
 * Cosine of a lead (dense over ids, its terms the ids below `leadSize`) with another bag (dense `values`, its terms
 * `ids` in insertion order): the dot product runs over the smaller side in its own order, as a Map-based cosine does.
 */
const leadCosine = (lead: readonly number[], leadSize: number, leadNorm: number, values: readonly number[], ids: readonly number[], size: number): number => {
  let dot = 0;
  if (leadSize <= size) for (let id = 0; id < leadSize; id++) dot += lead[id] * values[id];
  else for (let i = 0; i < size; i++) dot += values[ids[i]] * lead[ids[i]];
  if (dot === 0) return 0;
  return dot / Math.sqrt(leadNorm * sumOfSquares(values, ids, size));
};

/**
 * The lead's heaviest terms, ties by term (so the choice does not depend on hashing or paragraph order). A selection
 * rather than a sort of the whole lead: it runs for every candidate cut whose tail looks disconnected.
 */
const anchorsOf = (lead: readonly number[], leadSize: number, names: readonly string[], count: number): number[] => {
  const heavier = (a: number, b: number) => lead[a] > lead[b] || (lead[a] === lead[b] && names[a] < names[b]);
  const top: number[] = [];
  for (let id = 0; id < leadSize && count > 0; id++) {
    if (top.length < count) top.push(id);
    else if (heavier(id, top[count - 1])) top[count - 1] = id;
    else continue;
    for (let i = top.length - 1; i > 0 && heavier(top[i], top[i - 1]); i--) [top[i], top[i - 1]] = [top[i - 1], top[i]];
  }
  return top;
};

/**
 * Where unrelated trailing content begins ("related stories", an ad, a second article glued on), or the number of
 * paragraphs when there is none. The cut is the earliest one whose whole tail, and every paragraph in it, is
 * topically disconnected from everything before it and names too few of its anchor terms. IDF weighting keeps
 * shared function-like words ("US", "said") from bridging the two parts.
 *
 * It runs on every article, so bags are arrays over article-local ids instead of Maps, and the lead of each
 * candidate cut is a prefix row computed once.
 */
export const topicalCut = (
  paragraphs: readonly ParagraphTerms[],
  weight: (termHash: number) => number,
  options: TopicalCutOptions = DEFAULT_TOPICAL_CUT,
): number => {
  const n = paragraphs.length;
  if (n < 2) return n;
  const firstCandidate = Math.max(1, Math.ceil(n * options.minLeadFraction));
  const { names, bags, leadSizes } = bagsOf(paragraphs, weight);
  const terms = names.length;
  /** leads[j]: summed values of paragraphs 0..j, kept for the leads a candidate cut can have. */
  const leads: number[][] = [];
  let running = zeros(terms);
  for (let j = 0; j < n - 1; j++) {
    // Only a lead that is kept must not change under the next paragraph's terms.
    const lead = j >= firstCandidate ? running.slice() : running;
    const { ids, values } = bags[j];
    for (let i = 0; i < ids.length; i++) lead[ids[i]] += values[i];
    if (j >= firstCandidate - 1) leads[j] = lead;
    running = lead;
  }
  const tail = zeros(terms);
  const tailOrder: number[] = [];
  const inTail = zeros(terms);
  const paragraph = zeros(terms);
  const inParagraph = zeros(terms);
  let cut = n;
  for (let k = n - 1; k >= firstCandidate; k--) {
    const { ids, values } = bags[k];
    for (let i = 0; i < ids.length; i++) {
      if (inTail[ids[i]] === 0) {
        inTail[ids[i]] = 1;
        tailOrder.push(ids[i]);
      }
      tail[ids[i]] += values[i];
    }
    const lead = leads[k - 1];
    const leadSize = leadSizes[k - 1];
    const leadNorm = leadSumOfSquares(lead, leadSize);
    if (leadCosine(lead, leadSize, leadNorm, tail, tailOrder, tailOrder.length) >= options.maxTailSimilarity) continue;
    const anchors = anchorsOf(lead, leadSize, names, options.anchors);
    let everyParagraphDisconnected = true;
    for (let j = k; j < n && everyParagraphDisconnected; j++) {
      const bag = bags[j];
      for (let i = 0; i < bag.ids.length; i++) {
        paragraph[bag.ids[i]] = bag.values[i];
        inParagraph[bag.ids[i]] = 1;
      }
      everyParagraphDisconnected =
        leadCosine(lead, leadSize, leadNorm, paragraph, bag.ids, bag.ids.length) < options.maxTailSimilarity * 1.5 &&
        anchors.filter((id) => inParagraph[id] === 1).length < options.anchorsToBelong;
      // Back to all zeros through the bag's own ids: a fill would walk the article's whole vocabulary per paragraph.
      for (const id of bag.ids) {
        paragraph[id] = 0;
        inParagraph[id] = 0;
      }
    }
    if (everyParagraphDisconnected) cut = k;
  }
  return cut;
};
