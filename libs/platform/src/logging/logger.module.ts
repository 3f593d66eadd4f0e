import { type DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { type CommonEnv } from '../config/shared-env';
import { pinoHttpOptions } from './pino-http-options';

export const loggerModule = (env: CommonEnv): DynamicModule => LoggerModule.forRoot({ pinoHttp: pinoHttpOptions(env) });
