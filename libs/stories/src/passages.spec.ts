import { bloomAdd, hash32 } from '@app/matching';
import { ClassifiedParagraph } from '@app/text';
import { AnalyzedArticle } from './analyze-article';
import { newPassages, passagesAgainst, sharedPassages } from './passages';
import { PairScore } from './score-candidates';
import { newProfile } from './story-profile';
import { emptyState, newVocabulary } from './story-state';

const paragraph = (text: string, role: ClassifiedParagraph['role'] = 'story'): ClassifiedParagraph => {
  const terms = text.split(' ');
  return { text, role, words: terms, terms, termHashes: terms.map(hash32), key: hash32(text) };
};

describe('passages', () => {
  const state = emptyState();
  const vocabulary = newVocabulary();
  for (const term of ['quake', 'struck', 'city', 'dawn', 'toll', 'rose']) bloomAdd(vocabulary, hash32(term));
  state.stories.set('s1', { id: 's1', startedAt: 0, updatedAt: 0, articles: 1, years: [], vocabulary, profile: newProfile() });
  const analyzed = {
    paragraphs: [
      paragraph('quake struck city at dawn'),
      paragraph('rescuers found survivors under rubble today'),
      paragraph('toll rose'),
      paragraph('quake struck city at dawn toll rose', 'chrome'),
    ],
  } as AnalyzedArticle;
  const match = { storyId: 's1', articleId: 'a1' } as PairScore;

  it('scores each long-enough story paragraph once, in article order', () => {
    const passages = passagesAgainst(analyzed, state, 's1');
    expect(passages.map((p) => p.text)).toEqual(['quake struck city at dawn', 'rescuers found survivors under rubble today']);
    expect(passages[0].coverage).toBeGreaterThan(0.6);
    expect(passages[1].coverage).toBe(0);
  });

  it('splits the same passages into new and shared', () => {
    const passages = passagesAgainst(analyzed, state, 's1');
    expect(newPassages(passages, state)).toEqual(['rescuers found survivors under rubble today']);
    expect(sharedPassages(passages, state, match)).toEqual([{ passage: 'quake struck city at dawn', matchedIn: 'a1', overlap: passages[0].coverage }]);
  });

  it('has nothing against a story that is gone', () => {
    expect(passagesAgainst(analyzed, state, 'gone')).toEqual([]);
  });
});
