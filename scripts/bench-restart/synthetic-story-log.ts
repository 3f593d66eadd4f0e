import { type Fingerprint, type StoryEvent } from '@app/contracts';
import { analyzeArticle, emptyState } from '@app/stories';
import { loadCorpus } from '../../tools/bench/corpus';
import { prng, Synthesizer } from '../../tools/bench/synthesize';

/**
 * Real fingerprints: the engine's own text analysis over synthetic articles mutated from the real corpus (the
 * shared data sets when present, the project's fixtures otherwise).
 */
export const fingerprintPool = (size: number, seed: number, start: number): Fingerprint[] => {
  const synthesizer = new Synthesizer(loadCorpus().sources, seed);
  const state = emptyState();
  return Array.from({ length: size }, (_, i) => analyzeArticle(synthesizer.next(`pool-${i}`, new Date(start).toISOString()), state, start).fingerprint);
};

const hex = (n: number) => (n >>> 0).toString(16).padStart(8, '0');

/**
 * A pool fingerprint made into another story's: a few of its terms (about one in 48: the names and numbers only
 * this story has), a third of its entities and of its shingle slots are remapped with a per-story salt. The
 * vocabulary then grows by a few terms per story, as a real feed's does, instead of by hundreds; sizes and value
 * ranges stay those of real fingerprints.
 */
const variant = (base: Fingerprint, salt: number, time: number): Fingerprint => {
  const remap = (h: number, every: number) => (h % every === 0 ? (h ^ salt) >>> 0 : h);
  return {
    terms: base.terms.map(([term, count]) => [remap(term, 48), count]),
    edges: base.edges,
    minhash: base.minhash.map((v, slot) => (slot % 3 === 0 ? (v ^ salt) >>> 0 : v)),
    shingles: base.shingles,
    entities: base.entities.map((h) => remap(h, 3)),
    time,
  };
};

const SOURCES = ['Associated Press', 'Reuters', 'AFP', 'BBC News', 'The Guardian', 'Bloomberg'];

/**
 * A story log as the dedup service writes it: `stories` StoryStarted events and, for one article in six, a
 * StoryUpdated (a wire copy or a duplicate joining a recent story), four seconds of event time apart so every
 * story is still inside the default 7-day window at the end. Event and story ids follow the service's scheme.
 */
export function* syntheticStoryLog(stories: number, pool: readonly Fingerprint[], seed: number, start: number, topic: string): Generator<StoryEvent> {
  const random = prng(seed);
  const started: { storyId: string; articleId: string }[] = [];
  let offset = 0;
  while (started.length < stories) {
    const at = start + offset * 4000;
    const eventId = `${topic}-0-${offset}#0`;
    const articleId = `bench-${offset}`;
    const article = { id: articleId, title: `Synthetic story ${offset}`, source: SOURCES[offset % SOURCES.length], url: `https://news.example/${offset}`, publishedAt: new Date(at).toISOString() };
    const base = pool[Math.floor(random() * pool.length)];
    if (started.length > 0 && random() < 1 / 6) {
      const joined = started[Math.max(0, started.length - 1 - Math.floor(random() * 2000))];
      yield {
        type: 'StoryUpdated',
        storyId: joined.storyId,
        eventId,
        at: article.publishedAt,
        articleId,
        article,
        relation: random() < 0.3 ? 'duplicate' : 'syndicated',
        newPassages: [],
        evidence: {
          matchedArticleId: joined.articleId,
          score: 0.6 + random() * 0.4,
          cosine: 0.7 + random() * 0.3,
          containment: 0.5 + random() * 0.5,
          entityOverlap: random(),
          sharedPassages: [{ passage: 'A passage both versions carry, quoted as evidence.', matchedIn: joined.articleId, overlap: 1 }],
          candidates: [{ storyId: joined.storyId, articleId: joined.articleId, score: 0.8 }],
        },
        fingerprint: variant(base, Math.floor(random() * 2 ** 31), at),
      };
    } else {
      const storyId = `st-${hex(Math.floor(random() * 2 ** 32))}${hex(offset)}`;
      started.push({ storyId, articleId });
      yield { type: 'StoryStarted', storyId, eventId, at: article.publishedAt, articleId, article, fingerprint: variant(base, Math.floor(random() * 2 ** 31), at) };
    }
    offset++;
  }
}
