import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { StartRewriteResponse } from '@storyos/contracts';
import { ZodResponse } from 'nestjs-zod';
import type { AuthUser } from '../../auth/auth-user';
import { CurrentUser } from '../../auth/guards/auth.decorators';
import { StartRewriteDto, StartRewriteResponseDto, StoryIdParams } from '../stories.dto';
import { StoryRewritesService } from './story-rewrites.service';

/** Rewrite, expand, shorten or describe a selected passage: alternatives to choose from, each a generation to follow. */
@ApiTags('stories')
@ApiBearerAuth()
@Controller('stories/:id/rewrite')
export class StoryRewritesController {
  constructor(private readonly rewrites: StoryRewritesService) {}

  /** 409 when `base` is no longer the current version; 400 when the selection is outside its text. */
  @Post()
  @ZodResponse({ status: 202, type: StartRewriteResponseDto, description: 'One generation per alternative; the chosen one is saved as an ordinary edit.' })
  start(@CurrentUser() user: AuthUser, @Param() params: StoryIdParams, @Body() body: StartRewriteDto): Promise<StartRewriteResponse> {
    return this.rewrites.start(user, params.id, { ...body, alternatives: body.alternatives ?? 3 });
  }
}
