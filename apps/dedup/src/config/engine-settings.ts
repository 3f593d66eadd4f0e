import { z } from 'zod';
import { decimal, integer, loadConfig } from '@app/platform';
import { DAY_MS, DEFAULT_ENGINE_CONFIG, type EngineConfig } from '@app/stories';

/**
 * The engine settings an operator may change. The eval and explain commands read the same variables, so a newsroom
 * measures a setting on its own labelled articles before dedup runs with it.
 */
export const engineEnv = {
  STORY_WINDOW_DAYS: integer(1, 365).default(DEFAULT_ENGINE_CONFIG.windowMs / DAY_MS),
  // How much evidence an article needs to join a story: lower groups a running story's every turn, higher keeps a
  // story to one event. At most the merge score, so that merging two stories never asks less than one join.
  STORY_JOIN_SCORE: decimal(0.05, DEFAULT_ENGINE_CONFIG.mergeScore).default(DEFAULT_ENGINE_CONFIG.joinScore),
  // How deep candidate retrieval looks into a query term's postings, newest first. A window holding hundreds of
  // thousands of articles spends most of each decision on this walk; fewer is faster and finds slightly fewer of the
  // stories a common term links (docs/benchmarks.md, "Retrieval depth").
  STORY_POSTINGS_PER_TERM: integer(50, 1_000_000).default(DEFAULT_ENGINE_CONFIG.postingsPerTerm),
};

const engineEnvSchema = z.object(engineEnv);
export type EngineEnv = z.output<typeof engineEnvSchema>;

export const engineConfigOf = (env: EngineEnv): EngineConfig => ({
  ...DEFAULT_ENGINE_CONFIG,
  windowMs: env.STORY_WINDOW_DAYS * DAY_MS,
  joinScore: env.STORY_JOIN_SCORE,
  postingsPerTerm: env.STORY_POSTINGS_PER_TERM,
});

/** The engine configuration the environment asks for; throws a ConfigError naming each bad variable. */
export const engineConfigFromEnv = (env: NodeJS.ProcessEnv = process.env): EngineConfig => engineConfigOf(loadConfig(engineEnvSchema, env));
