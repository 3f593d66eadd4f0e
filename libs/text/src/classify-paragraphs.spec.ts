import { classifyParagraphs, ClassifyOptions } from './classify-paragraphs';
import { paragraphKey } from './boilerplate';
import { bagOf, DEFAULT_TOPICAL_CUT, topicalCut } from './topical-cut';
import { terms } from './tokenize';

const flat: ClassifyOptions = { isRepeated: () => false, weight: () => 1 };
const roles = (body: string, options: ClassifyOptions = flat) => classifyParagraphs(body, options).map((p) => p.role);

const quake = [
  'A magnitude 6.1 earthquake struck the Indonesian province of Aceh, collapsing houses and a mosque in Bener Meriah.',
  'Rescuers in Aceh pulled survivors from collapsed houses as aftershocks shook the province through the night.',
  'The earthquake damaged roads into Bener Meriah, and the Aceh disaster agency said rescuers were short of heavy machinery.',
  'Aceh was devastated by the 2004 earthquake and tsunami; residents of Bener Meriah said this quake felt as strong.',
];
const football = [
  'Manchester United beat Liverpool in the Premier League on penalties after a goalless draw at Old Trafford.',
  'The United goalkeeper saved two penalties, and the Liverpool manager blamed the referee for the draw.',
];

describe('classifyParagraphs', () => {
  it('marks short furniture at both edges as chrome, and only at the edges', () => {
    const body = ['World News', 'Photo: Reuters', ...quake.slice(0, 2), 'Read more', quake[2], 'Comments are closed.', 'Share this'].join('\n\n');
    expect(roles(body)).toEqual(['chrome', 'chrome', 'story', 'story', 'story', 'story', 'chrome', 'chrome']);
  });

  it('marks paragraphs the stream learned as repeated, wherever they are', () => {
    const pitch = 'Sign up for our morning newsletter and get the best of our journalism delivered to your inbox every day.';
    const learned = new Set([paragraphKey(pitch)]);
    const body = [quake[0], pitch, ...quake.slice(1)].join('\n\n');
    expect(roles(body, { ...flat, isRepeated: (key) => learned.has(key) })).toEqual(['story', 'repeated', 'story', 'story', 'story']);
  });

  it('marks a trailing article on another topic as appended', () => {
    expect(roles([...quake, ...football].join('\n\n'))).toEqual(['story', 'story', 'story', 'story', 'appended', 'appended']);
  });

  it('keeps a single-topic article whole', () => {
    expect(roles(quake.join('\n\n'))).toEqual(['story', 'story', 'story', 'story']);
  });

  it('keeps the terms of each paragraph for matching', () => {
    expect(classifyParagraphs(quake[0], flat)[0].terms).toEqual(terms(quake[0]));
  });
});

describe('topicalCut', () => {
  const bags = (texts: string[]) => texts.map((t) => bagOf(terms(t), () => 1));

  it('cuts where a disconnected topic starts', () => {
    expect(topicalCut(bags([...quake, ...football]))).toBe(quake.length);
  });

  it('only cuts after the lead fraction', () => {
    const text = bags([quake[0], quake[1], ...football]);
    expect(topicalCut(text)).toBe(2);
    expect(topicalCut(text, { ...DEFAULT_TOPICAL_CUT, minLeadFraction: 0.75 })).toBe(4);
  });

  it('does not cut a tail that still names the lead\'s anchors', () => {
    const related = 'In Aceh, rescuers said the earthquake in Bener Meriah left thousands homeless before the football final.';
    expect(topicalCut(bags([...quake, related]))).toBe(quake.length + 1);
  });
});
