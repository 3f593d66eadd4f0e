/** One dependency an app needs before it can serve (a database, a consumer); it rejects saying what is wrong. */
export interface ReadinessCheck {
  readonly name: string;
  check(): Promise<void>;
}

export const READINESS_CHECKS = Symbol('READINESS_CHECKS');
