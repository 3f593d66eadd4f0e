import { merged, record, started, updated, type LogRecord } from './story-log';

/**
 * A realistic stretch of the story log around the 2022 story "Russia buys North Korean rockets and shells":
 * the AP original, a duplicate, a wire copy, a second story that turns out to be the same one and is merged,
 * unrelated stories (two with the same update time, to exercise the keyset tie-break), a redelivered event and
 * records that are not story events.
 */
const AP = { id: 'seed-000', title: 'Russia buying rockets, artillery shells from North Korea, US says', source: 'AP', publishedAt: '2022-09-06T10:00:00Z' };
const TAIPEI = { id: 'seed-004', title: 'Russia buying N Korean arms: US', source: 'Taipei Times', url: 'https://www.taipeitimes.com/News/world/archives/2022/09/07/2003784868' };
const NY_POST = { id: 'seed-001', title: 'Russia turns to North Korea for millions of rockets and shells', source: 'New York Post' };

export const E = {
  apStarted: started(0, 'st-rockets', '2022-09-06T10:00:00Z', AP),
  duplicate: updated(1, 'st-rockets', '2022-09-06T11:00:00Z', { id: 'yahoo-ap-copy', source: 'Yahoo News' }, 'duplicate', 'seed-000'),
  shellsStarted: started(2, 'st-shells', '2022-09-06T12:00:00Z', NY_POST),
  syndicated: updated(3, 'st-rockets', '2022-09-06T13:00:00+00:00', TAIPEI, 'syndicated', 'seed-000'),
  shellsRewrite: updated(4, 'st-shells', '2022-09-06T16:00:00+02:00', { id: 'seed-002', source: 'Washington Examiner' }, 'rewrite', 'seed-001', [
    'The Kremlin has not commented on the report.',
  ]),
  quake: started(5, 'st-quake', '2022-09-06T15:00:00Z', { id: 'quake-1', title: 'Strong earthquake shakes southern Peru', source: 'Reuters' }),
  rehab: started(6, 'st-rehab', '2022-09-06T15:00:00Z', { id: 'rehab-1', title: 'Singer checks into rehab facility', source: 'People' }),
  rockets3: updated(7, 'st-rockets', '2022-09-07T06:00:00Z', { id: 'seed-003', source: 'unknown outlet (rewrite)' }, 'rewrite', 'seed-000', [
    'North Korea has denied selling weapons to Russia.',
    'Analysts say the purchases point to shortages in Russian stocks.',
  ]),
  merge: merged(7, 'st-rockets', '2022-09-07T06:00:00Z', ['st-shells']),
  // Names the merged story: the read side files it under the survivor.
  lateCopy: updated(8, 'st-shells', '2022-09-07T07:00:00Z', { id: 'late-shells-copy', source: 'MSN' }, 'duplicate', 'seed-001'),
  final: started(9, 'st-final', '2022-09-08T00:00:00Z', { id: 'final-1', title: 'Typhoon nears Okinawa', source: 'Kyodo' }),
  ghost: started(99, 'st-ghost', '2022-09-06T18:00:00Z', { id: 'ghost-1', title: 'A decision that was rolled back' }),
};

export const NOT_JSON: LogRecord = { key: 'st-x', value: '{"type": "StoryStarted", ' };
const { relation: _relation, ...withoutRelation } = E.syndicated;
export const NO_RELATION: LogRecord = { key: 'st-rockets', value: JSON.stringify({ ...withoutRelation, eventId: 'news.articles.v1-0-50#0' }) };

/** Two committed transactions with an aborted one between them; the second starts with what a restart must resume. */
export const PART_1: LogRecord[] = [E.apStarted, E.duplicate, E.shellsStarted, E.syndicated].map(record).concat(NOT_JSON, record(E.shellsRewrite));
export const ABORTED: LogRecord[] = [record(E.ghost)];
export const PART_2: LogRecord[] = [
  record(E.quake),
  record(E.rehab),
  record(E.duplicate), // the same eventId delivered again
  NO_RELATION,
  record(E.rockets3),
  record(E.merge),
  record(E.lateCopy),
  record(E.final),
];
