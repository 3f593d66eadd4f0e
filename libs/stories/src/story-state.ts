import { ArticleIndex, BLOOM_WORDS, DocumentFrequencies } from '@app/matching';
import { DEFAULT_ENGINE_CONFIG, EngineConfig } from './engine-config';
import { StoryProfile } from './story-profile';

export interface StoryRecord {
  id: string;
  startedAt: number;
  updatedAt: number;
  articles: number;
  /** The distinct years its articles are news in (see Fingerprint.year). */
  years: number[];
  /** Bloom filter of every term the story's articles used. */
  vocabulary: Uint32Array;
  profile: StoryProfile;
}

/** Where a paragraph key turned up at article edges: the distinct stories whose articles had it, until there are
 * `boilerplateStories` of them (from then on it is boilerplate, and which stories they were no longer matters). */
export interface EdgeParagraphStats {
  story: string;
  /** The others, when there are: nearly every key is seen in one story, and an array each would cost the window
   * more than a tenth of a kilobyte per article. */
  otherStories?: string[];
  lastSeen: number;
}

export const edgeStoryCount = (stats: EdgeParagraphStats): number => 1 + (stats.otherStories?.length ?? 0);

/**
 * Everything the engine knows, and nothing that is not a fold of story events. `evolve` updates it in place
 * (a million-article index is not copied per event); `toSnapshot` gives the serialisable form.
 */
export interface StoryState {
  config: EngineConfig;
  frequencies: DocumentFrequencies;
  index: ArticleIndex;
  stories: Map<string, StoryRecord>;
  articleSlots: Map<string, number>;
  edgeParagraphs: Map<number, EdgeParagraphStats>;
  /** Latest event time seen, and when the window was last swept. */
  latest: number;
  lastSweep: number;
}

export const emptyState = (config: EngineConfig = DEFAULT_ENGINE_CONFIG): StoryState => ({
  config,
  frequencies: new DocumentFrequencies(),
  index: new ArticleIndex(config.index),
  stories: new Map(),
  articleSlots: new Map(),
  edgeParagraphs: new Map(),
  latest: Number.NEGATIVE_INFINITY,
  lastSweep: Number.NEGATIVE_INFINITY,
});

export const newVocabulary = (): Uint32Array => new Uint32Array(BLOOM_WORDS);
