import { type DeadLetter } from '@app/contracts';

/** One record of the input topic, as the broker stored it. `hostile` marks what the bench produced to be refused. */
export interface InputRecord {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly hostile: boolean;
}

/** A story event as far as accounting needs it: its id names the input record it came from. */
export interface LoggedEvent {
  readonly type: string;
  readonly eventId: string;
}

export interface Accounting {
  readonly inputRecords: number;
  /** Input records with neither an article event nor a dead letter. */
  readonly lost: string[];
  /** Input records with more than one article event, more than one dead letter, or both kinds. */
  readonly duplicated: string[];
  /** The same event id committed twice to the story log. */
  readonly repeatedEventIds: number;
  /** Outputs naming an input record that is not in the input topic: should never happen. */
  readonly orphanOutputs: number;
  readonly hostileDeadLettered: number;
  /** Hostile records that became story events instead of dead letters. */
  readonly hostileAccepted: string[];
  /** Valid records the dedup service dead-lettered. */
  readonly validDeadLettered: string[];
}

/** `<topic>-<partition>-<offset>`, the key dedup derives event ids from (see eventKeyOf in apps/dedup). */
export const recordKey = (record: { topic: string; partition: number; offset: string }): string => `${record.topic}-${record.partition}-${record.offset}`;

const EVENT_ID = /^(.+)#(\d+)$/;

const isArticleEvent = (event: LoggedEvent): boolean => event.type === 'StoryStarted' || event.type === 'StoryUpdated';

const increment = (counts: Map<string, number>, key: string): void => {
  counts.set(key, (counts.get(key) ?? 0) + 1);
};

/**
 * What exactly-once promises, checked per input record: every record of the input topic is either one article
 * event (StoryStarted/StoryUpdated) or one dead letter in the committed output, never none, never two.
 */
export const accountByInputRecord = (inputs: readonly InputRecord[], events: readonly LoggedEvent[], deadLetters: readonly DeadLetter[]): Accounting => {
  const articleEvents = new Map<string, number>();
  const eventIds = new Set<string>();
  let repeatedEventIds = 0;
  for (const event of events) {
    if (eventIds.has(event.eventId)) repeatedEventIds++;
    eventIds.add(event.eventId);
    const key = EVENT_ID.exec(event.eventId)?.[1];
    if (key !== undefined && isArticleEvent(event)) increment(articleEvents, key);
  }
  const letters = new Map<string, number>();
  for (const letter of deadLetters) increment(letters, recordKey(letter.source));

  const inputKeys = new Set(inputs.map(recordKey));
  const orphanOutputs = [...articleEvents.keys(), ...letters.keys()].filter((key) => !inputKeys.has(key)).length;
  const lost: string[] = [];
  const duplicated: string[] = [];
  const hostileAccepted: string[] = [];
  const validDeadLettered: string[] = [];
  let hostileDeadLettered = 0;
  for (const input of inputs) {
    const key = recordKey(input);
    const asEvents = articleEvents.get(key) ?? 0;
    const asLetters = letters.get(key) ?? 0;
    if (asEvents + asLetters === 0) lost.push(key);
    if (asEvents + asLetters > 1) duplicated.push(key);
    if (input.hostile && asLetters > 0) hostileDeadLettered++;
    if (input.hostile && asEvents > 0) hostileAccepted.push(key);
    if (!input.hostile && asLetters > 0) validDeadLettered.push(key);
  }
  return { inputRecords: inputs.length, lost, duplicated, repeatedEventIds, orphanOutputs, hostileDeadLettered, hostileAccepted, validDeadLettered };
};

/** Reason counts, by the field and the stable start of the problem (numbers and parser detail vary per record). */
export const reasonCounts = (reasons: readonly { field: string; problem: string }[]): Map<string, number> => {
  const counts = new Map<string, number>();
  for (const { field, problem } of reasons) {
    const kind = problem
      .split(/[:(]/)[0]
      .replace(/\d+/g, 'N')
      .replace(/[^\x20-\x7e]/g, '?')
      .trim();
    increment(counts, `${field}: ${kind}`);
  }
  return new Map([...counts].sort((a, b) => b[1] - a[1]));
};
