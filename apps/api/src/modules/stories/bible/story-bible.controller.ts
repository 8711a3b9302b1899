import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { StoryBible } from '@storyos/contracts';
import { ZodResponse } from 'nestjs-zod';
import type { AuthUser } from '../../auth/auth-user';
import { CurrentUser } from '../../auth/guards/auth.decorators';
import { StoryBibleDto, StoryIdParams, UpdateStoryBibleDto } from '../stories.dto';
import { StoryBibleService } from './story-bible.service';

/** The story bible: characters, setting and style notes every prompt of the story is given. */
@ApiTags('stories')
@ApiBearerAuth()
@Controller('stories/:id/bible')
export class StoryBibleController {
  constructor(private readonly bible: StoryBibleService) {}

  @Get()
  @ZodResponse({ status: 200, type: StoryBibleDto })
  get(@CurrentUser() user: AuthUser, @Param() params: StoryIdParams): Promise<StoryBible> {
    return this.bible.get(user, params.id);
  }

  /** 409 with `details.current` when the bible was saved elsewhere since `baseVersion`. */
  @Put()
  @ZodResponse({ status: 200, type: StoryBibleDto })
  update(@CurrentUser() user: AuthUser, @Param() params: StoryIdParams, @Body() body: UpdateStoryBibleDto): Promise<StoryBible> {
    return this.bible.update(user, params.id, body);
  }
}
