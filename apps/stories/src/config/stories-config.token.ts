export const STORIES_CONFIG = Symbol('STORIES_CONFIG');
