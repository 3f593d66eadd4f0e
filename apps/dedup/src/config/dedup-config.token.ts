export const DEDUP_CONFIG = Symbol('DEDUP_CONFIG');
