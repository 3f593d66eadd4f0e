import { Article } from '@app/contracts';
import { assess } from './decide';
import { streamArticles } from './testing/fixture-stream';

const START = Date.parse('2026-03-02T08:00:00Z');
const FOOTER = 'Sign up for the Morning Briefing newsletter to get the day’s top stories in your inbox.';

const TOPICS: Record<string, string[]> = {
  harbour: [
    'The harbour authority of Rotterdam opened a second container terminal on Monday after two years of dredging.',
    'Port officials said the terminal doubles capacity for the largest container ships calling at the Maasvlakte.',
    'Dock workers unions had opposed automated cranes, which now move most boxes without drivers.',
  ],
  chess: [
    'The grandmaster from Norway won the candidates tournament in Toronto with a round to spare on Sunday.',
    'Her sacrifice of a knight in the eleventh round decided the event, commentators at the venue said.',
    'She will challenge the world champion for the title in a match scheduled for the autumn in Singapore.',
  ],
  vaccine: [
    'A malaria vaccine trial in Burkina Faso cut severe infections in children by three quarters, researchers reported.',
    'The randomised study followed 4,800 infants across nine clinics through two rainy seasons.',
    'Regulators in Ghana and Nigeria are reviewing the data before a wider rollout next year.',
  ],
  rail: [
    'Train drivers in Bavaria walked out on Thursday in a dispute over shift lengths, halting regional services.',
    'The union said talks with the operator had collapsed after management rejected a four-day week.',
    'Commuters around Munich crowded onto buses as the strike entered its second day.',
  ],
};

const article = (id: string, topic: string, withFooter = true): Article => ({
  id,
  title: `${topic} report ${id}`,
  body: [...TOPICS[topic], ...(withFooter ? [FOOTER] : [])].join('\n\n'),
  language: 'en',
});

const footerRole = (state: ReturnType<typeof streamArticles>['state'], probe: Article): string | undefined =>
  assess(probe, state, START).analyzed.paragraphs.find((p) => p.text.includes('Morning Briefing'))?.role;

describe('boilerplate learned from the stream', () => {
  it('drops a paragraph once articles of three different stories had it at their edge', () => {
    const { state, decisions } = streamArticles([article('h-1', 'harbour'), article('c-1', 'chess')], START);
    expect(new Set(decisions.map((d) => d.events[0].storyId)).size).toBe(2);
    // Off the probe's topic, the trailing footer is cut as appended content; it is not learned boilerplate yet.
    expect(footerRole(state, article('probe-1', 'rail'))).toBe('appended');

    streamArticles([article('v-1', 'vaccine')], START, { state, firstKey: 10 });
    expect(footerRole(state, article('probe-2', 'rail'))).toBe('repeated');
  });

  it('counts stories, not changes of story: two stories taking turns are two', () => {
    const { state, decisions } = streamArticles([article('h-1', 'harbour'), article('c-1', 'chess'), article('h-2', 'harbour')], START);
    const [harbour, chess, harbourAgain] = decisions.map((d) => d.events[0].storyId);
    expect(harbourAgain).toBe(harbour);
    expect(chess).not.toBe(harbour);
    expect(footerRole(state, article('probe', 'rail'))).toBe('appended');
  });
});
