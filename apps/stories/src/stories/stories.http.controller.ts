import { BadRequestException, Controller, Get, NotFoundException, Param, Query, Res } from '@nestjs/common';
import { type ServerResponse } from 'node:http';
import { parseListStoriesQuery } from './list-stories.query';
import { StoriesRepository } from './stories.repository';
import { parseStoryDetailQuery } from './story-detail.query';
import { storyPage, type StoryPage } from './story-page';
import { storyArticleView, type StoryDetailView, storyView, timelineEntryView } from './story-views';

const sendJson = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void => {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers }).end(JSON.stringify(body));
};

/** The query a redirect carries on, so a page asked of a merged id is the same page of its survivor. */
const queryString = (query: unknown): string => {
  const entries = Object.entries(query as Record<string, string>);
  return entries.length === 0 ? '' : `?${new URLSearchParams(entries).toString()}`;
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
   * GET /v1/stories/:id?after=&limit= — the story, a page of its timeline and the articles of that page. The id of a
   * story merged into another answers 301 to the survivor: a link saved before the merge still arrives, and the
   * client learns the new address.
   */
  @Get(':id')
  async detail(@Param('id') id: string, @Query() query: unknown, @Res() res: ServerResponse): Promise<void> {
    const page = parseStoryDetailQuery(query);
    if (!page.ok) throw new BadRequestException(page.message);
    const found = await this.stories.storyDetail(id, page.value);
    if (found.kind === 'unknown') throw new NotFoundException(`story ${JSON.stringify(id)} is not known: check the id (stories list at GET /v1/stories)`);
    if (found.kind === 'merged') {
      const location = `/v1/stories/${encodeURIComponent(found.survivorId)}${queryString(query)}`;
      sendJson(res, 301, { message: `story ${JSON.stringify(id)} was merged into ${JSON.stringify(found.survivorId)}`, storyId: found.survivorId }, { location });
      return;
    }
    const detail: StoryDetailView = {
      ...storyView(found.story),
      mergedStoryIds: found.mergedStoryIds,
      articles: found.articles.map(storyArticleView),
      timeline: found.timeline.map(timelineEntryView),
      nextAfter: found.nextAfter,
    };
    sendJson(res, 200, detail);
  }
}
