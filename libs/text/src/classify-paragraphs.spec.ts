import fc from 'fast-check';
import { classifyParagraphs, ClassifyOptions } from './classify-paragraphs';
import { paragraphKey } from './boilerplate';
import { normalizeText } from './normalize';
import { DEFAULT_TOPICAL_CUT, ParagraphTerms, topicalCut, TopicalCutOptions } from './topical-cut';
import { terms, tokenize } from './tokenize';

const flat: ClassifyOptions = { isRepeated: () => false, weight: () => 1 };
const roles = (body: string, options: ClassifyOptions = flat) => classifyParagraphs(body, options).map((p) => p.role);

const quake = [
  'A magnitude 6.1 earthquake struck the Indonesian province of Aceh, collapsing houses and a mosque in Bener Meriah.',
  'Rescuers in Aceh pulled survivors from collapsed houses as aftershocks shook the province through the night.',
  'The earthquake damaged roads into Bener Meriah, and the Aceh disaster agency said rescuers were short of heavy machinery.',
  'Aceh was devastated by the 2004 earthquake and tsunami; residents of Bener Meriah said this quake felt as strong.',
];
const football = [
  'Manchester United beat Liverpool in the Premier League on penalties after a goalless draw at Old Trafford.',
  'The United goalkeeper saved two penalties, and the Liverpool manager blamed the referee for the draw.',
];

describe('classifyParagraphs', () => {
  it('marks short furniture at both edges as chrome, and only at the edges', () => {
    const body = ['World News', 'Photo: Reuters', ...quake.slice(0, 2), 'Read more', quake[2], 'Comments are closed.', 'Share this'].join('\n\n');
    expect(roles(body)).toEqual(['chrome', 'chrome', 'story', 'story', 'story', 'story', 'chrome', 'chrome']);
  });

  it('marks paragraphs the stream learned as repeated, wherever they are', () => {
    const pitch = 'Sign up for our morning newsletter and get the best of our journalism delivered to your inbox every day.';
    const learned = new Set([paragraphKey(pitch)]);
    const body = [quake[0], pitch, ...quake.slice(1)].join('\n\n');
    expect(roles(body, { ...flat, isRepeated: (key) => learned.has(key) })).toEqual(['story', 'repeated', 'story', 'story', 'story']);
  });

  it('marks a trailing article on another topic as appended', () => {
    expect(roles([...quake, ...football].join('\n\n'))).toEqual(['story', 'story', 'story', 'story', 'appended', 'appended']);
  });

  it('keeps a single-topic article whole', () => {
    expect(roles(quake.join('\n\n'))).toEqual(['story', 'story', 'story', 'story']);
  });

  it('keeps the terms of each paragraph for matching', () => {
    expect(classifyParagraphs(quake[0], flat)[0].terms).toEqual(terms(quake[0]));
  });
});

/**
 * The cut as first written, with a term → weight Map per paragraph and per lead and tail: the definition the typed
 * implementation must reproduce to the last float, since its decisions sit on thresholds.
 */
type TermBag = Map<string, number>;
const addInto = (into: TermBag, bag: TermBag): TermBag => {
  for (const [term, w] of bag) into.set(term, (into.get(term) ?? 0) + w);
  return into;
};
const mapCosine = (a: TermBag, b: TermBag): number => {
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
const definitionCut = (paragraphs: string[][], weight: (term: string) => number, options: TopicalCutOptions = DEFAULT_TOPICAL_CUT): number => {
  const bags = paragraphs.map((list) => {
    const bag: TermBag = new Map();
    for (const term of list) bag.set(term, (bag.get(term) ?? 0) + weight(term));
    return bag;
  });
  const n = bags.length;
  if (n < 2) return n;
  const firstCandidate = Math.max(1, Math.ceil(n * options.minLeadFraction));
  const prefixes: TermBag[] = [];
  let running: TermBag = new Map();
  for (const bag of bags) prefixes.push((running = addInto(new Map(running), bag)));
  let cut = n;
  let tail: TermBag = new Map();
  for (let k = n - 1; k >= firstCandidate; k--) {
    tail = addInto(tail, bags[k]);
    const lead = prefixes[k - 1];
    if (mapCosine(lead, tail) >= options.maxTailSimilarity) continue;
    const anchors = [...lead.entries()]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, options.anchors)
      .map(([term]) => term);
    let disconnected = true;
    for (let j = k; j < n && disconnected; j++) {
      disconnected = mapCosine(lead, bags[j]) < options.maxTailSimilarity * 1.5 && anchors.filter((t) => bags[j].has(t)).length < options.anchorsToBelong;
    }
    if (disconnected) cut = k;
  }
  return cut;
};

describe('topicalCut', () => {
  const split = (texts: string[]) => texts.map((t) => tokenize(normalizeText(t)));
  const flatWeight = () => 1;

  it('cuts where a disconnected topic starts', () => {
    expect(topicalCut(split([...quake, ...football]), flatWeight)).toBe(quake.length);
  });

  it('only cuts after the lead fraction', () => {
    const text = split([quake[0], quake[1], ...football]);
    expect(topicalCut(text, flatWeight)).toBe(2);
    expect(topicalCut(text, flatWeight, { ...DEFAULT_TOPICAL_CUT, minLeadFraction: 0.75 })).toBe(4);
  });

  it('does not cut a tail that still names the lead\'s anchors', () => {
    const related = 'In Aceh, rescuers said the earthquake in Bener Meriah left thousands homeless before the football final.';
    expect(topicalCut(split([...quake, related]), flatWeight)).toBe(quake.length + 1);
  });

  it('cuts exactly where the plain Map definition cuts, ties, zero weights and near-threshold tails included', () => {
    // Two small vocabularies with a few shared words, so leads and tails are sometimes connected, sometimes not.
    const word = fc.oneof(fc.constantFrom('quake', 'aceh', 'rescue', 'house', 'tsunami', 'road'), fc.constantFrom('united', 'penalty', 'draw', 'league'), fc.constantFrom('said', 'house'));
    const paragraphs = fc.array(fc.array(word, { maxLength: 12 }), { maxLength: 9 });
    const weights = fc.dictionary(fc.constantFrom('quake', 'aceh', 'rescue', 'house', 'united', 'penalty', 'said'), fc.constantFrom(0, 0.5, 1, 1.7, 3));
    const options = fc.record({
      maxTailSimilarity: fc.constantFrom(0.08, 0.3, 0.6),
      minLeadFraction: fc.constantFrom(0, 0.34, 0.5),
      anchors: fc.constantFrom(1, 3, 10),
      anchorsToBelong: fc.constantFrom(1, 2),
    });
    // The cut reads weights by term hash; here a term's hash is its place in a list of the terms seen.
    const hashed: string[] = [];
    const hashOf = (term: string) => (hashed.includes(term) ? hashed.indexOf(term) : hashed.push(term) - 1);
    const withHashes = (text: string[][]): ParagraphTerms[] => text.map((list) => ({ terms: list, termHashes: list.map(hashOf) }));
    fc.assert(
      fc.property(paragraphs, weights, options, (text, table, opts) => {
        const weight = (term: string) => table[term] ?? 1.25;
        expect(topicalCut(withHashes(text), (hash) => weight(hashed[hash]), opts)).toBe(definitionCut(text, weight, opts));
      }),
      { numRuns: 3000, seed: 99 },
    );
  });
});
