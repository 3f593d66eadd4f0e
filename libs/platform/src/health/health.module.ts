import { type DynamicModule, Module } from '@nestjs/common';
import { HealthController } from './health.controller';
import { HealthService, SERVICE_NAME } from './health.service';

@Module({})
export class HealthModule {
  static forService(service: string): DynamicModule {
    return {
      module: HealthModule,
      controllers: [HealthController],
      providers: [{ provide: SERVICE_NAME, useValue: service }, HealthService],
    };
  }
}
