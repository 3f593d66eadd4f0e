import { Inject, Injectable } from '@nestjs/common';
import { type HealthCheckResult, HealthCheckService, type HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { READINESS_CHECKS, type ReadinessCheck, type ReadinessDetails } from './readiness';

export const SERVICE_NAME = Symbol('SERVICE_NAME');

/** A hung dependency must turn readiness red, not hang the orchestrator's probe. */
const CHECK_TIMEOUT_MS = 2_000;

const within = async (check: ReadinessCheck): Promise<void | ReadinessDetails> => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
  });
  try {
    return await Promise.race([check.check(), timeout]);
  } finally {
    clearTimeout(timer);
  }
};

/**
 * Liveness (the process answers) and readiness (every check the app registered passes), as terminus health checks:
 * a check that fails or hangs is `down` with its reason, and terminus answers 503 with every check's state.
 */
@Injectable()
export class HealthService {
  private readonly startedAt = Date.now();

  constructor(
    @Inject(SERVICE_NAME) private readonly service: string,
    @Inject(READINESS_CHECKS) private readonly checks: readonly ReadinessCheck[],
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
  ) {}

  liveness(): Promise<HealthCheckResult> {
    const uptimeSeconds = Math.round((Date.now() - this.startedAt) / 1000);
    return this.health.check([async () => this.indicators.check('process').up({ service: this.service, uptimeSeconds })]);
  }

  readiness(): Promise<HealthCheckResult> {
    return this.health.check(this.checks.map((check) => () => this.probe(check)));
  }

  private async probe(check: ReadinessCheck): Promise<HealthIndicatorResult> {
    const indicator = this.indicators.check(check.name);
    try {
      const details = await within(check);
      return details === undefined ? indicator.up() : indicator.up(details);
    } catch (error) {
      return indicator.down({ message: error instanceof Error ? error.message : String(error) });
    }
  }
}
