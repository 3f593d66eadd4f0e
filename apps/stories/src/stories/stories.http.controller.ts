import { BadRequestException, Controller, Get, NotFoundException, Param, Query, Res } from '@nestjs/common';
import { type ServerResponse } from 'node:http';
import { parseListStoriesQuery } from './list-stories.query';
import { StoriesRepository } from './stories.repository';
import { storyPage, type StoryPage } from './story-page';
import { storyArticleView, type StoryDetailView, storyView, timelineEntryView } from './story-views';

const sendJson = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void => {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers }).end(JSON.stringify(body));
};

@Controller('v1/stories')
export class StoriesHttpController {
  constructor(private readonly stories: StoriesRepository) {}

  /** GET /v1/stories?since=&limit=&cursor= — newest updated first, keyset-paginated. */
  @Get()
  async list(@Query() query: unknown): Promise<StoryPage> {
    const parsed = parseListStoriesQuery(query);
    if (!parsed.ok) throw new BadRequestException(parsed.message);
    return storyPage(await this.stories.listStories(parsed.value), parsed.value.limit);
  }

  /**
   * GET /v1/stories/:id — the story, its articles and its timeline. The id of a story merged into another answers
   * 301 to the survivor: a link saved before the merge still arrives, and the client learns the new address.
   */
  @Get(':id')
  async detail(@Param('id') id: string, @Res() res: ServerResponse): Promise<void> {
    const found = await this.stories.storyDetail(id);
    if (found.kind === 'unknown') throw new NotFoundException(`story ${JSON.stringify(id)} is not known: check the id (stories list at GET /v1/stories)`);
    if (found.kind === 'merged') {
      const location = `/v1/stories/${encodeURIComponent(found.survivorId)}`;
      sendJson(res, 301, { message: `story ${JSON.stringify(id)} was merged into ${JSON.stringify(found.survivorId)}`, storyId: found.survivorId }, { location });
      return;
    }
    const detail: StoryDetailView = {
      ...storyView(found.story),
      mergedStoryIds: found.mergedStoryIds,
      articles: found.articles.map(storyArticleView),
      timeline: found.timeline.map(timelineEntryView),
    };
    sendJson(res, 200, detail);
  }
}
