import { Module } from '@nestjs/common';
import { DatabaseModule } from '../database/database.module';
import { DashboardController } from './dashboard.controller';
import { OpsService } from './ops.service';

/** The operators' view: the /dashboard page and the sampling behind it. Needs the global STORIES_CONFIG and metrics registry. */
@Module({ imports: [DatabaseModule], controllers: [DashboardController], providers: [OpsService] })
export class OpsModule {}
