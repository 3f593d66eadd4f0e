import { isCalendarTime } from '@app/contracts';

/**
 * Whether PostgreSQL can store an ISO time as we write it: years 1..9999 in UTC. Year 0 is out of its range, and
 * past 9999 JavaScript's ISO strings take a sign it does not read; either would fail the statement.
 */
export const isStorableTime = (iso: string): boolean => isCalendarTime(new Date(iso).getTime());
