import { Article } from '@app/contracts';
import { SourceArticle } from './corpus';

/** mulberry32: a seeded generator, so a benchmark run is reproducible. */
export const prng = (seed: number) => {
  let s = seed >>> 0;
  return (): number => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

const DATELINES = ['WASHINGTON (AP) -', 'LONDON (Reuters) -', 'NEW YORK (AP) -', 'MOSCOW (Reuters) -', 'BEIJING (AFP) -', 'PARIS (AFP) -'];
const OUTLETS = ['Associated Press', 'Reuters', 'AFP', 'Staff and wire reports', 'Bloomberg'];
const TITLE_PREFIXES = ['UPDATE 2-', 'Breaking:', 'Analysis:', 'WATCH:', 'Live updates:', ''];

const CONSONANTS = 'bdfgklmnprstvz';
const VOWELS = 'aeiou';
/** The n-th of an endless supply of distinct pronounceable names ("Babov", "Dabov", …, "Badabov"): letters only,
 * like a real name, so it is a word to the tokenizer and a name to entity extraction. */
const coinedName = (n: number): string => {
  let name = '';
  let rest = n;
  do {
    name += CONSONANTS[rest % CONSONANTS.length] + VOWELS[Math.floor(rest / CONSONANTS.length) % VOWELS.length];
    rest = Math.floor(rest / (CONSONANTS.length * VOWELS.length));
  } while (rest > 0);
  return `${name[0].toUpperCase()}${name.slice(1)}bov`;
};

/**
 * Turns real articles into a stream shaped like a newsroom feed: wire copies with datelines and bylines, trims,
 * reordered and shortened paragraphs, retitles, changed numbers, substituted words, and "same kind of event, other
 * names" variants that start new stories. Every output is a distinct text; nothing is a plain repeat.
 */
export class Synthesizer {
  private readonly random: () => number;
  private readonly names: string[];
  private readonly words: string[];

  private coinedSoFar = 0;

  /**
   * `coinedNamesPerArticle`: names never seen before that each article brings on average, as a live feed keeps
   * bringing new people, places and companies (the real texts give about one per article at 100k articles; see
   * bench:window). 0 keeps the stream of the other benchmarks as it was.
   */
  constructor(
    private readonly sources: readonly SourceArticle[],
    seed = 1,
    private readonly coinedNamesPerArticle = 0,
  ) {
    this.random = prng(seed);
    const names = new Set<string>();
    const words = new Set<string>();
    for (const source of sources.slice(0, 400)) {
      for (const token of source.paragraphs.join(' ').split(/\s+/)) {
        if (/^\p{Lu}\p{Ll}{3,}$/u.test(token)) names.add(token);
        else if (/^\p{Ll}{5,}$/u.test(token)) words.add(token);
      }
    }
    this.names = [...names];
    this.words = [...words];
  }

  next(id: string, publishedAt: string): Article {
    const r = this.random;
    const base = this.pick(this.sources);
    let paragraphs = [...base.paragraphs];
    // A third of the feed is a new event told with another article's shape: other names, other numbers.
    const rename = r() < 0.35 ? this.renaming() : undefined;
    if (r() < 0.25) paragraphs = this.mix(paragraphs, this.pick(this.sources).paragraphs);
    paragraphs = paragraphs.filter((_, i) => i === 0 || r() > 0.15);
    if (paragraphs.length > 3 && r() < 0.3) this.swap(paragraphs, 1 + Math.floor(r() * (paragraphs.length - 1)), 1 + Math.floor(r() * (paragraphs.length - 1)));
    paragraphs = paragraphs.map((p) => this.edit(p, rename));
    if (r() < 0.35) this.wireCopy(paragraphs);
    if (this.coinedNamesPerArticle > 0) paragraphs[0] = this.withCoinedNames(paragraphs[0]);
    const title = base.title ?? paragraphs[0].split(/(?<=[.!?])\s/)[0].slice(0, 120);
    return { id, body: paragraphs.join('\n\n'), title: this.retitle(rename ? rename(title) : title), publishedAt };
  }

  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)];
  }

  private swap(items: string[], i: number, j: number): void {
    [items[i], items[j]] = [items[j], items[i]];
  }

  /** A mixture: the lead of one story with the tail of another (a roundup, or a scraper gluing two pages). */
  private mix(lead: string[], tail: string[]): string[] {
    const keep = Math.max(1, Math.ceil(lead.length * (0.4 + this.random() * 0.4)));
    return [...lead.slice(0, keep), ...tail.slice(Math.floor(tail.length / 2))];
  }

  private renaming(): (text: string) => string {
    const map = new Map<string, string>();
    return (text) =>
      text.replace(/\b\p{Lu}\p{Ll}{3,}\b/gu, (name) => {
        if (!map.has(name)) map.set(name, this.pick(this.names));
        return map.get(name)!;
      });
  }

  private edit(paragraph: string, rename?: (text: string) => string): string {
    const r = this.random;
    let text = rename ? rename(paragraph) : paragraph;
    if (r() < 0.2) {
      const sentences = text.split(/(?<=[.!?])\s+(?=\p{Lu})/u);
      if (sentences.length > 1) text = sentences.slice(0, -1).join(' ');
    }
    if (rename || r() < 0.3) text = text.replace(/\d+/g, (n) => String(Math.max(1, Math.round(Number(n) * (0.5 + r())))));
    if (r() < 0.25) {
      const tokens = text.split(' ');
      for (let k = 1 + Math.floor(r() * 3); k > 0; k--) tokens[Math.floor(r() * tokens.length)] = this.pick(this.words);
      text = tokens.join(' ');
    }
    return text;
  }

  /** The lead with new names quoted in it; the lead, since trailing paragraphs may be cut as appended content. */
  private withCoinedNames(lead: string): string {
    const rate = this.coinedNamesPerArticle;
    let count = Math.floor(rate) + (this.random() < rate - Math.floor(rate) ? 1 : 0);
    let text = lead;
    for (; count > 0; count--) text += ` ${coinedName(this.coinedSoFar++)} said.`;
    return text;
  }

  private wireCopy(paragraphs: string[]): void {
    paragraphs[0] = `${this.pick(DATELINES)} ${paragraphs[0]}`;
    paragraphs.unshift(`By ${this.pick(this.names)} ${this.pick(this.names)}, ${this.pick(OUTLETS)}`);
    if (this.random() < 0.5) paragraphs.push(`Copyright ${2018 + Math.floor(this.random() * 6)} ${this.pick(OUTLETS)}. All rights reserved.`);
  }

  private retitle(title: string): string {
    const prefix = this.pick(TITLE_PREFIXES);
    return prefix ? `${prefix} ${title}` : title;
  }
}
