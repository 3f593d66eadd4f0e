import { runHttpApp } from '@app/platform';
import { AppModule } from './app.module';
import { gatewayConfigSchema } from './config/gateway.config';
import { gatewayHttpSetup } from './http/gateway-http-setup';

void runHttpApp(gatewayConfigSchema, (config) => AppModule.forConfig(config), gatewayHttpSetup);
