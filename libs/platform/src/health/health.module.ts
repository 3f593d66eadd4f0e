import { type DynamicModule, Module, type ModuleMetadata, type Type } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller';
import { READINESS_CHECKS, type ReadinessCheck } from './readiness';
import { HealthService, SERVICE_NAME } from './health.service';

export interface ReadinessOptions {
  /** Modules exporting what the checks inject. */
  readonly imports?: ModuleMetadata['imports'];
  readonly checks?: readonly Type<ReadinessCheck>[];
}

@Module({})
export class HealthModule {
  static forService(service: string, { imports = [], checks = [] }: ReadinessOptions = {}): DynamicModule {
    return {
      module: HealthModule,
      // Failed checks are in the 503 body and the probe's own logs; terminus logging them too would double the noise.
      imports: [TerminusModule.forRoot({ logger: false }), ...imports],
      controllers: [HealthController],
      providers: [
        { provide: SERVICE_NAME, useValue: service },
        ...checks,
        { provide: READINESS_CHECKS, useFactory: (...instances: ReadinessCheck[]) => instances, inject: [...checks] },
        HealthService,
      ],
    };
  }
}
