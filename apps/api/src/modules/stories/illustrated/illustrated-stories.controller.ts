import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { IllustratedStory, IllustratedStoryAccepted, IllustratedStoryList, IllustratedStoryStatus } from '@storyos/contracts';
import { ZodResponse } from 'nestjs-zod';
import type { AuthUser } from '../../auth/auth-user';
import { CurrentUser } from '../../auth/guards/auth.decorators';
import {
  CreateIllustratedStoryDto,
  IllustratedSceneParams,
  IllustratedStoryAcceptedDto,
  IllustratedStoryDto,
  IllustratedStoryIdParams,
  IllustratedStoryListDto,
  IllustratedStoryListQueryDto,
  IllustratedStoryStatusDto,
} from './illustrated-stories.dto';
import { IllustratedStoriesService } from './illustrated-stories.service';
import { IllustratedStoryControl } from './illustrated-story-control.service';

/**
 * Illustrated, narrated stories (Create; seed 002's StoryMimi API under our
 * conventions): `storyId` = story_id, `scenes[].sceneId` = scene_id,
 * `sequence`, `text`, `imageUrl` = image_url, `audioUrl` = audio_url;
 * statuses PENDING / PROCESSING / COMPLETED / FAILED for the story, each
 * scene and each asset. Media URLs answer to the owner's bearer token.
 * Updates are pushed as `illustrated-story:updated`; polling works too.
 */
@ApiTags('illustrated-stories')
@ApiBearerAuth()
@Controller('illustrated-stories')
export class IllustratedStoriesController {
  constructor(
    private readonly stories: IllustratedStoriesService,
    private readonly control: IllustratedStoryControl,
  ) {}

  /** From a conversation whose requirements are complete, or directly (title, prompt, style, sceneCount, ageBand, narratorVoice). Counts as one generation; a story that fails gives it back. */
  @Post()
  @ZodResponse({ status: 202, type: IllustratedStoryAcceptedDto })
  create(@CurrentUser() user: AuthUser, @Body() body: CreateIllustratedStoryDto): Promise<IllustratedStoryAccepted> {
    return this.stories.create(user, body);
  }

  /** My stories, newest first, each with its cover (the first scene's picture). */
  @Get()
  @ZodResponse({ status: 200, type: IllustratedStoryListDto })
  list(@CurrentUser() user: AuthUser, @Query() query: IllustratedStoryListQueryDto): Promise<IllustratedStoryList> {
    return this.stories.list(user, query.limit);
  }

  /** The story with its scenes; a scene is readable once its text is COMPLETED. */
  @Get(':id')
  @ZodResponse({ status: 200, type: IllustratedStoryDto })
  detail(@CurrentUser() user: AuthUser, @Param() params: IllustratedStoryIdParams): Promise<IllustratedStory> {
    return this.stories.detail(user, params.id);
  }

  /** The story's, each scene's and each asset's status, with progress. */
  @Get(':id/status')
  @ZodResponse({ status: 200, type: IllustratedStoryStatusDto })
  status(@CurrentUser() user: AuthUser, @Param() params: IllustratedStoryIdParams): Promise<IllustratedStoryStatus> {
    return this.stories.status(user, params.id);
  }

  /** Stops making it; what is made is kept, the rest reads FAILED ("stopped") and can be retried scene by scene. 409 when nothing is being made. */
  @Post(':id/stop')
  @ZodResponse({ status: 202, type: IllustratedStoryAcceptedDto })
  stop(@CurrentUser() user: AuthUser, @Param() params: IllustratedStoryIdParams): Promise<IllustratedStoryAccepted> {
    return this.control.stop(user, params.id);
  }

  /** Makes again only what FAILED in this scene (its text, picture or narration), nothing else. 409 when nothing in it failed. */
  @Post(':id/scenes/:sceneId/retry')
  @ZodResponse({ status: 202, type: IllustratedStoryAcceptedDto })
  retry(@CurrentUser() user: AuthUser, @Param() params: IllustratedSceneParams): Promise<IllustratedStoryAccepted> {
    return this.control.retry(user, params.id, params.sceneId);
  }

  /** Stops it if running, and removes it with its scenes, pictures and narrations. */
  @Delete(':id')
  @HttpCode(204)
  async delete(@CurrentUser() user: AuthUser, @Param() params: IllustratedStoryIdParams): Promise<void> {
    await this.stories.delete(user, params.id);
  }
}
