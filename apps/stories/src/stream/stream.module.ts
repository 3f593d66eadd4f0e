import { Module } from '@nestjs/common';
import { DatabaseModule } from '../database/database.module';
import { StoryFeed } from './story-feed';
import { StreamHttpController } from './stream.http.controller';

@Module({ imports: [DatabaseModule], controllers: [StreamHttpController], providers: [StoryFeed], exports: [StoryFeed] })
export class StreamModule {}
