import { type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadConfig, sharedHttpSetup } from '@app/platform';
import { AppModule } from '../../../apps/dedup/src/app.module';
import { dedupConfigSchema } from '../../../apps/dedup/src/config/dedup.config';
import { type ExactlyOnceTransport, type TransportStatus } from '../../../apps/dedup/src/exactly-once/exactly-once.transport';
import { connectStoryStream } from '../../../apps/dedup/src/story-stream/connect-story-stream';
import { waitUntil } from '../../support/processes';

export interface InProcessDedup {
  readonly app: INestApplication;
  readonly transport: ExactlyOnceTransport;
  /** Exit codes the app asked for (fenced, failed) instead of ending the test process. */
  readonly exits: number[];
  /** Why the stream failed, if it did. */
  readonly failures: Error[];
}

/** The real dedup app (module, transport, handler) in the test process, as main.ts builds it. */
export const startDedupInProcess = async (env: Record<string, string>): Promise<InProcessDedup> => {
  const config = loadConfig(dedupConfigSchema, env);
  const app = await NestFactory.create(AppModule.forConfig(config), { logger: false });
  sharedHttpSetup(app);
  const exits: number[] = [];
  const failures: Error[] = [];
  const transport = await connectStoryStream(app, (code) => exits.push(code));
  transport.on('failed', (error) => failures.push(error));
  await app.listen(0, '127.0.0.1');
  return { app, transport, exits, failures };
};

export const waitForRole = async (dedup: InProcessDedup, roles: readonly TransportStatus[], timeoutMs = 60_000): Promise<void> => {
  if (!(await waitUntil(() => roles.includes(dedup.transport.currentStatus), timeoutMs))) {
    const why = dedup.failures.map((e) => e.stack ?? e.message).join('; ');
    throw new Error(`dedup stayed ${dedup.transport.currentStatus}, expected ${roles.join(' or ')}${why ? `: ${why}` : ''}`);
  }
};
