import { runHttpApp } from '@app/platform';
import { AppModule } from './app.module';
import { dedupConfigSchema } from './config/dedup.config';
import { connectStoryStream } from './story-stream/connect-story-stream';

void runHttpApp(dedupConfigSchema, (config) => AppModule.forConfig(config), { configure: (app) => connectStoryStream(app).then(() => undefined) });
