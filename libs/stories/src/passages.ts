import { bloomHas } from '@app/matching';
import { ClassifiedParagraph } from '@app/text';
import { AnalyzedArticle } from './analyze-article';
import { PairScore } from './score-candidates';
import { StoryState } from './story-state';

/** Paragraphs with fewer terms than this say too little to be news on their own. */
const MIN_PASSAGE_TERMS = 5;
const MAX_SHARED_PASSAGES = 5;

/** Share of a paragraph's IDF mass that the story's vocabulary already holds. */
const coverage = (paragraph: ClassifiedParagraph, vocabulary: Uint32Array, state: StoryState): number => {
  let known = 0;
  let total = 0;
  for (const hash of new Set(paragraph.termHashes)) {
    const weight = state.frequencies.idf(hash);
    total += weight;
    if (bloomHas(vocabulary, hash)) known += weight;
  }
  return total === 0 ? 1 : known / total;
};

export interface Passage {
  text: string;
  /** Share of its IDF mass the story's vocabulary holds. */
  coverage: number;
}

/**
 * The newcomer's story paragraphs long enough to be news, each with its coverage by the story's vocabulary. A
 * rewrite reports both its new and its shared passages, so the coverage is worked out once for both.
 */
export const passagesAgainst = (analyzed: AnalyzedArticle, state: StoryState, storyId: string): Passage[] => {
  const story = state.stories.get(storyId);
  if (!story) return [];
  return analyzed.paragraphs
    .filter((p) => p.role === 'story' && p.terms.length >= MIN_PASSAGE_TERMS)
    .map((p) => ({ text: p.text, coverage: coverage(p, story.vocabulary, state) }));
};

/** What the newcomer tells that the story had not: its paragraphs mostly made of terms the story never used. */
export const newPassages = (passages: readonly Passage[], state: StoryState): string[] =>
  passages.filter((p) => p.coverage < state.config.knownPassageCoverage).map((p) => p.text);

/** The newcomer's paragraphs the story already tells, best covered first: the evidence behind a join. */
export const sharedPassages = (passages: readonly Passage[], state: StoryState, match: PairScore) =>
  passages
    .filter((p) => p.coverage >= state.config.knownPassageCoverage)
    .map((p) => ({ passage: p.text, matchedIn: match.articleId, overlap: p.coverage }))
    .sort((a, b) => b.overlap - a.overlap)
    .slice(0, MAX_SHARED_PASSAGES);
