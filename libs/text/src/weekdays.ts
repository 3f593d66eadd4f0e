const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
/** Capitalised day names standing alone: "Mondays" is a habit, not a day an event happened on. */
const DAY = new RegExp(`(?<![\\p{L}\\p{N}])(${DAYS.join('|')})(?![\\p{L}\\p{N}])`, 'gu');

/**
 * The days of the week a text names, as ISO 8601 numbers (1 Monday … 7 Sunday), ascending. A report without a
 * publication time cannot be placed on the calendar, but "on Tuesday" still anchors its event to a day: reports of
 * one event name the day it happened on.
 */
export const weekdaysNamed = (text: string): number[] => {
  const named = new Set<number>();
  for (const match of text.matchAll(DAY)) named.add(DAYS.indexOf(match[1]) + 1);
  return [...named].sort((a, b) => a - b);
};

/** Days as a 7-bit set (bit 0 Monday), 0 for none: one byte per indexed article. */
export const weekdayMask = (days: readonly number[] | undefined): number => {
  let mask = 0;
  for (const day of days ?? []) mask |= 1 << (day - 1);
  return mask;
};

const WEEK = 0b1111111;

/** The set turned by `by` days (negative: earlier), Sunday wrapping round to Monday. */
const turned = (mask: number, by: number): number => {
  const shift = ((by % 7) + 7) % 7;
  return ((mask << shift) | (mask >> (7 - shift))) & WEEK;
};

/**
 * The fewest days between a day one set names and a day the other names, counting round the week (Sunday to Monday
 * is one day), so 0 to 3; undefined when either names none. A report written the day after names the day after.
 */
export const weekdaysApart = (a: number, b: number): number | undefined => {
  if (a === 0 || b === 0) return undefined;
  let apart = 0;
  while ((turned(a, apart) & b) === 0 && (turned(a, -apart) & b) === 0) apart++;
  return apart;
};
