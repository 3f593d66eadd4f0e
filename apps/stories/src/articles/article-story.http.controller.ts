import { Controller, Get, NotFoundException, Param } from '@nestjs/common';
import { StoriesRepository } from '../stories/stories.repository';
import { type ArticleStoryView, storyView } from '../stories/story-views';

@Controller('v1/articles')
export class ArticleStoryHttpController {
  constructor(private readonly stories: StoriesRepository) {}

  /** GET /v1/articles/:id/story — the story the article is in now (merges followed) and how it relates to it. */
  @Get(':id/story')
  async storyOf(@Param('id') id: string): Promise<ArticleStoryView> {
    const found = await this.stories.articleStory(id);
    if (found === undefined) throw new NotFoundException(`article ${JSON.stringify(id)} is in no story: it has not been projected yet, or the id is mistyped`);
    return { articleId: found.article.article_id, relation: found.article.relation, joinedAt: found.article.joined_at.toISOString(), story: storyView(found.story) };
  }
}
