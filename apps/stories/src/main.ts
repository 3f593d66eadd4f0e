import { runHttpApp } from '@app/platform';
import { AppModule } from './app.module';
import { storiesConfigSchema } from './config/stories.config';

void runHttpApp(storiesConfigSchema, (config) => AppModule.forConfig(config));
