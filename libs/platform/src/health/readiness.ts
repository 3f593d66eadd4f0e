/** What a passing check may add to its `up` entry, e.g. the role an instance has. */
export type ReadinessDetails = Record<string, string | number | boolean>;

/** One dependency an app needs before it can serve (a database, a consumer); it rejects saying what is wrong. */
export interface ReadinessCheck {
  readonly name: string;
  check(): Promise<void | ReadinessDetails>;
}

export const READINESS_CHECKS = Symbol('READINESS_CHECKS');
