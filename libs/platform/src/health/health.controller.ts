import { Controller, Get } from '@nestjs/common';
import { HealthCheck, type HealthCheckResult } from '@nestjs/terminus';
import { HealthService } from './health.service';

@Controller('health')
export class HealthController {
  // Injected by class, which relies on emitted decorator metadata: a broken transpiler setup fails here first.
  constructor(private readonly health: HealthService) {}

  /** Liveness: the process answers. */
  @Get()
  @HealthCheck()
  check(): Promise<HealthCheckResult> {
    return this.health.liveness();
  }

  /** 200 when every readiness check passes, else 503 with each check's state, so the body says what is wrong. */
  @Get('ready')
  @HealthCheck()
  ready(): Promise<HealthCheckResult> {
    return this.health.readiness();
  }
}
