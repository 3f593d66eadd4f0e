import { Fingerprint, StoriesMerged, StoryEvent, StoryStarted, StoryUpdated } from '@app/contracts';
import { bloomAdd, bloomUnion, heaviest, tfidfVector } from '@app/matching';
import { weekdayMask } from '@app/text';
import { addToProfile, mergeProfiles, newProfile, releaseProfile } from './story-profile';
import { edgeStoryCount, newVocabulary, StoryState } from './story-state';

/** Sweeping the window this often (in event time) keeps eviction cheap and memory close to the window. */
const SWEEPS_PER_WINDOW = 48;

const indexArticle = (state: StoryState, articleId: string, storyId: string, fingerprint: Fingerprint): void => {
  const terms = fingerprint.terms.map(([term]) => term);
  const counts = fingerprint.terms.map(([, count]) => count);
  const vector = tfidfVector(terms, counts, (t) => state.frequencies.idf(t));
  const top = heaviest(vector.terms, vector.weights, state.config.index.termsPerArticle);
  // Counted before the index takes the article, so that its new terms have ids; `top` was weighed with the IDF
  // the stream had before this article, as always.
  const ids = state.frequencies.add(terms, fingerprint.time);
  const slot = state.index.add(articleId, storyId, {
    terms: top.map((at) => ids[at]),
    counts: top.map((at) => counts[at]),
    minhash: fingerprint.minhash,
    shingles: fingerprint.shingles,
    entities: fingerprint.entities,
    time: fingerprint.time,
    weekdays: weekdayMask(fingerprint.weekdays),
  });
  state.articleSlots.set(articleId, slot);
  const story = state.stories.get(storyId)!;
  for (const term of terms) bloomAdd(story.vocabulary, term);
  addToProfile(story.profile, ids, fingerprint.terms, fingerprint.entities, state.frequencies);
  for (const edge of fingerprint.edges) {
    const seen = state.edgeParagraphs.get(edge);
    if (!seen) state.edgeParagraphs.set(edge, { story: storyId, lastSeen: fingerprint.time });
    else {
      const known = seen.story === storyId || seen.otherStories?.includes(storyId) === true;
      if (!known && edgeStoryCount(seen) < state.config.boilerplateStories) (seen.otherStories ??= []).push(storyId);
      seen.lastSeen = Math.max(seen.lastSeen, fingerprint.time);
    }
  }
};

/**
 * Rare terms no article in the window used leave the vocabulary, so it follows the window instead of everything the
 * feed ever coined. A common word keeps its count through a quiet week: counted afresh against every document
 * since the start, it would weigh like a new name. At most (distinct terms per article) / rareTermShare terms can be
 * common, so the vocabulary stays bounded. An indexed article is in the window, so the index holds no dormant
 * term; a live story's centroid can (it sums articles already evicted), and holds those it keeps.
 */
const forgetDormantTerms = (state: StoryState, horizon: number): void => {
  state.frequencies.forgetDormant(horizon, state.config.rareTermShare * state.frequencies.documents);
};

const sweepWindow = (state: StoryState, now: number): void => {
  state.latest = Math.max(state.latest, now);
  if (state.latest - state.lastSweep < state.config.windowMs / SWEEPS_PER_WINDOW) return;
  state.lastSweep = state.latest;
  const horizon = state.latest - state.config.windowMs;
  for (const articleId of state.index.evictBefore(horizon)) state.articleSlots.delete(articleId);
  for (const [id, story] of state.stories) {
    if (story.updatedAt >= horizon) continue;
    releaseProfile(story.profile, state.frequencies);
    state.stories.delete(id);
  }
  for (const [key, seen] of state.edgeParagraphs) if (seen.lastSeen < horizon) state.edgeParagraphs.delete(key);
  forgetDormantTerms(state, horizon);
};

const addYear = (years: number[], year: number | undefined): void => {
  if (year !== undefined && !years.includes(year)) years.push(year);
};

const merge = (state: StoryState, event: StoriesMerged): void => {
  const survivor = state.stories.get(event.storyId);
  if (!survivor) return;
  const merged = new Set(event.mergedStoryIds.filter((id) => id !== event.storyId && state.stories.has(id)));
  for (const id of merged) {
    const absorbed = state.stories.get(id)!;
    bloomUnion(survivor.vocabulary, absorbed.vocabulary);
    mergeProfiles(survivor.profile, absorbed.profile, state.frequencies);
    releaseProfile(absorbed.profile, state.frequencies);
    survivor.articles += absorbed.articles;
    for (const year of absorbed.years) addYear(survivor.years, year);
    survivor.startedAt = Math.min(survivor.startedAt, absorbed.startedAt);
    survivor.updatedAt = Math.max(survivor.updatedAt, absorbed.updatedAt);
    state.stories.delete(id);
  }
  state.index.relabelStories(merged, survivor.id);
};

const joinStory = (state: StoryState, event: StoryStarted | StoryUpdated): StoryState => {
  const time = event.fingerprint.time;
  const story = state.stories.get(event.storyId);
  if (!story) return state;
  addYear(story.years, event.fingerprint.year);
  story.updatedAt = Math.max(story.updatedAt, time);
  // An article sent again keeps the version indexed first, and counts once: the count weighs the centroid's entities.
  if (!state.articleSlots.has(event.articleId)) {
    story.articles++;
    indexArticle(state, event.articleId, event.storyId, event.fingerprint);
  }
  sweepWindow(state, time);
  return state;
};

/** evolve(state, event) → state. Mutates and returns `state`: the caller hands over ownership. */
export const evolve = (state: StoryState, event: StoryEvent): StoryState => {
  switch (event.type) {
    case 'StoryStarted': {
      // Started twice (a record delivered again, or two logs joined): the story and its centroid's term holds are
      // already here, and replacing them would leak the holds. A redelivery changes nothing; another article
      // joins the story the log names.
      if (state.stories.has(event.storyId)) return state.articleSlots.has(event.articleId) ? state : joinStory(state, event);
      const time = event.fingerprint.time;
      const years: number[] = [];
      addYear(years, event.fingerprint.year);
      state.stories.set(event.storyId, { id: event.storyId, startedAt: time, updatedAt: time, articles: 1, years, vocabulary: newVocabulary(), profile: newProfile() });
      indexArticle(state, event.articleId, event.storyId, event.fingerprint);
      sweepWindow(state, time);
      return state;
    }
    case 'StoryUpdated':
      return joinStory(state, event);
    case 'StoriesMerged':
      merge(state, event);
      return state;
  }
};
