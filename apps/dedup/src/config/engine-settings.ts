import { z } from 'zod';
import { decimal, integer, loadConfig } from '@app/platform';
import { DEFAULT_MAX_BODY_BYTES } from '@app/contracts';
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
  // What an article may weigh before it is refused. Same name and bounds as the gateway's: both sides must agree on
  // what an oversized body is.
  MAX_BODY_BYTES: integer(1024, 16 * 1024 * 1024).default(DEFAULT_MAX_BODY_BYTES),
};

const engineEnvSchema = z.object(engineEnv);
export type EngineEnv = z.output<typeof engineEnvSchema>;

export const engineConfigOf = (env: EngineEnv): EngineConfig => ({
  ...DEFAULT_ENGINE_CONFIG,
  windowMs: env.STORY_WINDOW_DAYS * DAY_MS,
  joinScore: env.STORY_JOIN_SCORE,
  postingsPerTerm: env.STORY_POSTINGS_PER_TERM,
});

/** How dedup decides, as the environment asks: the engine configuration and the body limit it parses articles with.
 * Throws a ConfigError naming each bad variable. */
export const decisionSettingsFromEnv = (env: NodeJS.ProcessEnv = process.env): { engine: EngineConfig; maxBodyBytes: number } => {
  const parsed = loadConfig(engineEnvSchema, env);
  return { engine: engineConfigOf(parsed), maxBodyBytes: parsed.MAX_BODY_BYTES };
};

export const engineConfigFromEnv = (env: NodeJS.ProcessEnv = process.env): EngineConfig => decisionSettingsFromEnv(env).engine;
