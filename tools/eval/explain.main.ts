import { parseArgs } from 'util';
import { reasoning } from '@app/stories';
import { decisionSettingsFromEnv } from '../../apps/dedup/src/config/engine-settings';
import { readNumberedLines } from './ndjson';
import { runEngine } from './run-engine';

const usage = 'usage: npm run --silent explain -- --articles <file.ndjson> --id <articleId>';

const round = (n: number): number => Math.round(n * 1000) / 1000;

/**
 * Replays the file up to the article, then shows the reasoning the engine applied to it: its paragraphs by role,
 * the candidate stories with their scores, the decision and the events it produced.
 */
const main = (): void => {
  const { values } = parseArgs({ options: { articles: { type: 'string' }, id: { type: 'string' } } });
  if (!values.articles || !values.id) throw new Error(usage);
  const lines = readNumberedLines(values.articles);
  let report: unknown;
  const { engine, maxBodyBytes } = decisionSettingsFromEnv();
  runEngine(lines, engine, (article, events, state, at) => {
    if (article.id !== values.id || report) return;
    const { analyzed, ranked, match, relation, mergeWith } = reasoning(article, state, at);
    report = {
      article: article.id,
      decision: match ? { storyId: match.storyId, relation, mergeWith } : { newStory: true },
      joinScore: state.config.joinScore,
      ...(analyzed.fingerprint.year === undefined ? {} : { year: analyzed.fingerprint.year }),
      ...(analyzed.fingerprint.weekdays === undefined ? {} : { weekdays: analyzed.fingerprint.weekdays }),
      candidates: ranked.slice(0, 10).map((c) => ({
        storyId: c.storyId,
        closestArticle: c.articleId,
        score: round(c.score),
        cosine: round(c.cosine),
        entityOverlap: round(c.entityOverlap),
        containment: round(c.containment),
        jaccard: round(c.jaccard),
        ...(c.yearsApart === undefined ? {} : { yearsApart: c.yearsApart }),
        ...(c.weekdaysApart === undefined ? {} : { weekdaysApart: c.weekdaysApart }),
      })),
      paragraphs: analyzed.paragraphs.map((p) => ({ role: p.role, text: p.text.length > 120 ? `${p.text.slice(0, 117)}...` : p.text })),
      events: events.map(({ type, storyId, eventId, ...rest }) => ({
        type,
        storyId,
        eventId,
        ...('relation' in rest ? { relation: rest.relation, newPassages: rest.newPassages, sharedPassages: rest.evidence.sharedPassages } : {}),
      })),
    };
  }, maxBodyBytes);
  if (!report) throw new Error(`article ${values.id} is not in ${values.articles} (or was rejected)`);
  console.log(JSON.stringify(report, null, 2));
};

try {
  main();
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(2);
}
