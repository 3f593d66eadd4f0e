import { ArticleIndex, ArticleIndexSnapshot, DocumentFrequencies, fromBase64, toBase64 } from '@app/matching';
import { EngineConfig } from './engine-config';
import { profileOf, profileTerms } from './story-profile';
import { EdgeParagraphStats, StoryState } from './story-state';

/** The engine state as plain JSON: what the dedup service writes every N events so a restart replays only the tail. */
export interface StorySnapshot {
  version: 7;
  config: EngineConfig;
  documents: number;
  /** [term hash, document count] by term id; [0, 0] for an id whose term was forgotten. */
  frequencies: [number, number][];
  /** When each term was last used, in `frequencies` order. */
  termsLastSeen: number[];
  index: ArticleIndexSnapshot;
  stories: {
    id: string;
    startedAt: number;
    updatedAt: number;
    articles: number;
    years: number[];
    vocabulary: string;
    terms: [number, number][];
    entities: [number, number][];
  }[];
  articleSlots: [string, number][];
  edgeParagraphs: [number, EdgeParagraphStats][];
  latest: number | null;
  lastSweep: number | null;
}

const finiteOrNull = (n: number): number | null => (Number.isFinite(n) ? n : null);

/** A copy that shares nothing mutable with the state it came from. */
const copyEdgeStats = ({ otherStories, ...stats }: EdgeParagraphStats): EdgeParagraphStats =>
  otherStories === undefined ? stats : { ...stats, otherStories: [...otherStories] };

export const toSnapshot = (state: StoryState): StorySnapshot => ({
  version: 7,
  config: state.config,
  documents: state.frequencies.documents,
  frequencies: state.frequencies.entries(),
  termsLastSeen: state.frequencies.lastSeenTimes(),
  index: state.index.toSnapshot((id) => state.frequencies.termOf(id)),
  stories: [...state.stories.values()].map(({ profile, vocabulary, years, ...story }) => ({
    ...story,
    years: [...years],
    vocabulary: toBase64(vocabulary),
    terms: profileTerms(profile, state.frequencies),
    entities: [...profile.entities.entries()],
  })),
  articleSlots: [...state.articleSlots.entries()],
  edgeParagraphs: [...state.edgeParagraphs.entries()].map(([key, stats]) => [key, copyEdgeStats(stats)]),
  latest: finiteOrNull(state.latest),
  lastSweep: finiteOrNull(state.lastSweep),
});

export const fromSnapshot = (snapshot: StorySnapshot): StoryState => {
  const frequencies = DocumentFrequencies.fromEntries(snapshot.documents, snapshot.frequencies, snapshot.termsLastSeen);
  return {
    config: snapshot.config,
    frequencies,
    index: ArticleIndex.fromSnapshot(snapshot.index, (hash) => frequencies.idOf(hash)),
    stories: new Map(
      snapshot.stories.map(({ vocabulary, terms, entities, years, ...story }) => [
        story.id,
        { ...story, years: [...years], vocabulary: fromBase64(vocabulary, Uint32Array), profile: profileOf(terms, new Map(entities), frequencies) },
      ]),
    ),
    articleSlots: new Map(snapshot.articleSlots),
    edgeParagraphs: new Map(snapshot.edgeParagraphs.map(([key, stats]) => [key, copyEdgeStats(stats)])),
    latest: snapshot.latest ?? Number.NEGATIVE_INFINITY,
    lastSweep: snapshot.lastSweep ?? Number.NEGATIVE_INFINITY,
  };
};
