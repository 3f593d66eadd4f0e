import { ConfigError } from '@app/platform';
import { DEFAULT_ENGINE_CONFIG } from '@app/stories';
import { engineConfigFromEnv } from './engine-settings';

describe('engine settings from the environment', () => {
  it('are the engine defaults when nothing is set', () => {
    expect(engineConfigFromEnv({})).toEqual(DEFAULT_ENGINE_CONFIG);
  });

  it('set the window and the join score, and nothing else', () => {
    expect(engineConfigFromEnv({ STORY_WINDOW_DAYS: '3', STORY_JOIN_SCORE: '0.3' })).toEqual({
      ...DEFAULT_ENGINE_CONFIG,
      windowMs: 3 * 24 * 60 * 60 * 1000,
      joinScore: 0.3,
    });
  });

  it('refuse a join score above the merge score, naming the bounds', () => {
    expect(() => engineConfigFromEnv({ STORY_JOIN_SCORE: '0.6' })).toThrow(ConfigError);
    expect(() => engineConfigFromEnv({ STORY_JOIN_SCORE: '0.6' })).toThrow(
      `STORY_JOIN_SCORE must be a decimal number between 0.05 and ${DEFAULT_ENGINE_CONFIG.mergeScore} (got "0.6")`,
    );
  });
});
