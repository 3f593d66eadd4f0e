import { Module } from '@nestjs/common';
import { DatabaseModule } from '../database/database.module';
import { StoryProjection } from './story-projection';

@Module({ imports: [DatabaseModule], providers: [StoryProjection], exports: [StoryProjection] })
export class ProjectionModule {}
