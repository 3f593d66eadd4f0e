import { runHttpApp } from '@app/platform';
import { AppModule } from './app.module';
import { gatewayConfigSchema } from './config/gateway.config';

void runHttpApp(gatewayConfigSchema, (config) => AppModule.forConfig(config));
