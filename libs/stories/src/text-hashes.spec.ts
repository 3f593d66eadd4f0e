import fc from 'fast-check';
import { hash32 } from '@app/matching';
import { keyOfWords, normalizeText, tokenize } from '@app/text';

// libs/text hashes terms and paragraph keys itself, from the tokenizer's own FNV-1a; the engine's state, its
// snapshots and the story log key them by @app/matching's hash32. The two must never drift apart.
describe('text hashes are the engine hash32', () => {
  const text = fc.array(fc.constantFrom('Rockets', "Russia's", 'U.S.', 'the', 'G20s', '1,200', 'défence', 'Zürich', '東京', 'said', 'organisations', '𝐁ig', '\n\n', ', '), {
    maxLength: 30,
  });

  it('hashes every term as hash32 does', () => {
    fc.assert(
      fc.property(text, (parts) => {
        const tokens = tokenize(normalizeText(parts.join(' ')));
        expect(tokens.termHashes).toEqual(tokens.terms.map(hash32));
      }),
      { numRuns: 500, seed: 7 },
    );
  });

  it('keys a paragraph by the hash32 of its words joined by spaces', () => {
    fc.assert(
      fc.property(text, (parts) => {
        const { words } = tokenize(normalizeText(parts.join(' ')));
        expect(keyOfWords(words)).toBe(hash32(words.join(' ')));
      }),
      { numRuns: 500, seed: 8 },
    );
  });
});
