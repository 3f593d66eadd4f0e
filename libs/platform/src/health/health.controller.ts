import { Controller, Get } from '@nestjs/common';
import { type Health, HealthService } from './health.service';

@Controller('health')
export class HealthController {
  // Injected by class, which relies on emitted decorator metadata: a broken transpiler setup fails here first.
  constructor(private readonly health: HealthService) {}

  @Get()
  check(): Health {
    return this.health.check();
  }
}
