import { type DynamicModule, Module } from '@nestjs/common';
import { GATEWAY_CONFIG } from './gateway-config.token';
import { type GatewayConfig } from './gateway.config';

/** The validated configuration, injectable everywhere as GATEWAY_CONFIG. */
@Module({})
export class GatewayConfigModule {
  static forConfig(config: GatewayConfig): DynamicModule {
    return { module: GatewayConfigModule, global: true, providers: [{ provide: GATEWAY_CONFIG, useValue: config }], exports: [GATEWAY_CONFIG] };
  }
}
