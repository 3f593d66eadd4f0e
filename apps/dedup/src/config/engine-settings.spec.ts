import { ConfigError } from '@app/platform';
import { DEFAULT_ENGINE_CONFIG } from '@app/stories';
import { engineConfigFromEnv } from './engine-settings';

describe('engine settings from the environment', () => {
  it('are the engine defaults when nothing is set', () => {
    expect(engineConfigFromEnv({})).toEqual(DEFAULT_ENGINE_CONFIG);
  });

  it('set the window, the join score and the retrieval depth, and nothing else', () => {
    expect(engineConfigFromEnv({ STORY_WINDOW_DAYS: '3', STORY_JOIN_SCORE: '0.3', STORY_POSTINGS_PER_TERM: '500' })).toEqual({
      ...DEFAULT_ENGINE_CONFIG,
      windowMs: 3 * 24 * 60 * 60 * 1000,
      joinScore: 0.3,
      postingsPerTerm: 500,
    });
  });

  it('refuse a retrieval depth that is not a whole number in range', () => {
    expect(() => engineConfigFromEnv({ STORY_POSTINGS_PER_TERM: '10' })).toThrow('STORY_POSTINGS_PER_TERM must be an integer between 50 and 1000000 (got "10")');
    expect(() => engineConfigFromEnv({ STORY_POSTINGS_PER_TERM: '2e3' })).toThrow(ConfigError);
  });

  it('refuse a join score above the merge score, naming the bounds', () => {
    expect(() => engineConfigFromEnv({ STORY_JOIN_SCORE: '0.6' })).toThrow(ConfigError);
    expect(() => engineConfigFromEnv({ STORY_JOIN_SCORE: '0.6' })).toThrow(
      `STORY_JOIN_SCORE must be a decimal number between 0.05 and ${DEFAULT_ENGINE_CONFIG.mergeScore} (got "0.6")`,
    );
  });
});
