import { Inject, Injectable } from '@nestjs/common';

export const SERVICE_NAME = Symbol('SERVICE_NAME');

export interface Health {
  readonly status: 'ok';
  readonly service: string;
  readonly uptimeSeconds: number;
}

/** Liveness only for now; apps add their own readiness (Kafka, database) as they gain those connections. */
@Injectable()
export class HealthService {
  private readonly startedAt = Date.now();

  constructor(@Inject(SERVICE_NAME) private readonly service: string) {}

  check(): Health {
    return { status: 'ok', service: this.service, uptimeSeconds: Math.round((Date.now() - this.startedAt) / 1000) };
  }
}
