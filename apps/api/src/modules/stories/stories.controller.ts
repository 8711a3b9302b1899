import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Page, Story, StorySummary } from '@storyos/contracts';
import { ZodResponse } from 'nestjs-zod';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/guards/auth.decorators';
import { OwnedStories } from './owned-stories';
import { CreateStoryDto, StoryDto, StoryIdParams, StoryPageDto, StoryPageQueryDto, UpdateStoryDto } from './stories.dto';
import { StoriesService } from './stories.service';

@ApiTags('stories')
@ApiBearerAuth()
@Controller('stories')
export class StoriesController {
  constructor(
    private readonly stories: StoriesService,
    private readonly owned: OwnedStories,
  ) {}

  @Post()
  @ZodResponse({ status: 201, type: StoryDto })
  create(@CurrentUser() user: AuthUser, @Body() body: CreateStoryDto): Promise<Story> {
    return this.stories.create(user, body);
  }

  /** Most recently worked on first. */
  @Get()
  @ZodResponse({ status: 200, type: StoryPageDto })
  list(@CurrentUser() user: AuthUser, @Query() query: StoryPageQueryDto): Promise<Page<StorySummary>> {
    return this.stories.list(user, query);
  }

  /** Setup, current versions, the phase being written now and the latest whole-story job. */
  @Get(':id')
  @ZodResponse({ status: 200, type: StoryDto })
  get(@CurrentUser() user: AuthUser, @Param() params: StoryIdParams): Promise<Story> {
    return this.owned.view(user, params.id);
  }

  @Patch(':id')
  @ZodResponse({ status: 200, type: StoryDto })
  update(@CurrentUser() user: AuthUser, @Param() params: StoryIdParams, @Body() body: UpdateStoryDto): Promise<Story> {
    return this.stories.update(user, params.id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  async delete(@CurrentUser() user: AuthUser, @Param() params: StoryIdParams): Promise<void> {
    await this.stories.delete(user, params.id);
  }

  /** A new story with the same setup and copies of the current premise, outline and text. */
  @Post(':id/duplicate')
  @ZodResponse({ status: 201, type: StoryDto })
  duplicate(@CurrentUser() user: AuthUser, @Param() params: StoryIdParams): Promise<Story> {
    return this.stories.duplicate(user, params.id);
  }
}
