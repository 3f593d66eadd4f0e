import { Module } from '@nestjs/common';
import { ArticleStoryHttpController } from '../articles/article-story.http.controller';
import { DatabaseModule } from '../database/database.module';
import { StoriesHttpController } from './stories.http.controller';
import { StoriesRepository } from './stories.repository';

/** The REST read API: stories, a story's articles and timeline, an article's story. */
@Module({ imports: [DatabaseModule], controllers: [StoriesHttpController, ArticleStoryHttpController], providers: [StoriesRepository] })
export class StoriesModule {}
