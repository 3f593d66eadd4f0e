/**
 * The NOTIFY channel a projection transaction signals on. PostgreSQL delivers a NOTIFY only when its transaction
 * commits, so listeners never hear of rows they cannot read yet; the schema in the name keeps two read models in
 * one database apart.
 */
export const storyEventsChannel = (schema: string): string => `story_events_${schema}`;
