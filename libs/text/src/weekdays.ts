const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
/** Capitalised day names standing alone: "Mondays" is a habit, not a day an event happened on. */
const DAY = new RegExp(`(?<![\\p{L}\\p{N}])(${DAYS.join('|')})(?![\\p{L}\\p{N}])`, 'gu');

/**
 * The days of the week a text names, as ISO 8601 numbers (1 Monday … 7 Sunday), ascending. A report without a
 * publication time cannot be placed on the calendar, but "on Tuesday" still anchors its event to a day: reports of
 * one event name the same day for it.
 */
export const weekdaysNamed = (text: string): number[] => {
  const named = new Set<number>();
  for (const match of text.matchAll(DAY)) named.add(DAYS.indexOf(match[1]) + 1);
  return [...named].sort((a, b) => a - b);
};

/** Days as a 7-bit set (bit 0 Monday), 0 for none: one byte per indexed article, compared with one AND. */
export const weekdayMask = (days: readonly number[] | undefined): number => {
  let mask = 0;
  for (const day of days ?? []) mask |= 1 << (day - 1);
  return mask;
};
