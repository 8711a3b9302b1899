import { applyDecorators, Body, Controller, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { StartPhaseResponse, StoryPhase } from '@storyos/contracts';
import type { Response } from 'express';
import { ZodResponse } from 'nestjs-zod';
import type { AuthUser } from '../../auth/auth-user';
import { CurrentUser } from '../../auth/guards/auth.decorators';
import { StartPhaseDto, StartPhaseResponseDto, RegenerateChapterDto, StoryIdParams } from '../stories.dto';
import { StoryPhasesService } from './story-phases.service';

/** 202 (the default) while a generation streams; 200 when the result cache answered. Both bodies are StartPhaseResponse. */
const StartsPhase = () =>
  applyDecorators(
    ZodResponse({ status: 202, type: StartPhaseResponseDto, description: 'Streaming as `generationId`.' }),
    ApiOkResponse({ type: StartPhaseResponseDto.Output, description: 'Answered from the result cache: `artifact` is the new version.' }),
  );

/**
 * premise → outline → start → continue. 202 with a generation to follow
 * (GET /api/generations/:id, its stream, or the socket), or 200 with the
 * cached version. One at a time per story (409 otherwise).
 */
@ApiTags('stories')
@ApiBearerAuth()
@Controller('stories/:id')
export class StoryPhasesController {
  constructor(private readonly phases: StoryPhasesService) {}

  @Post('premise')
  @StartsPhase()
  premise(@CurrentUser() user: AuthUser, @Param() params: StoryIdParams, @Body() body: StartPhaseDto, @Res({ passthrough: true }) res: Response): Promise<StartPhaseResponse> {
    return this.run(user, params.id, 'premise', body, res);
  }

  @Post('outline')
  @StartsPhase()
  outline(@CurrentUser() user: AuthUser, @Param() params: StoryIdParams, @Body() body: StartPhaseDto, @Res({ passthrough: true }) res: Response): Promise<StartPhaseResponse> {
    return this.run(user, params.id, 'outline', body, res);
  }

  @Post('start')
  @StartsPhase()
  start(@CurrentUser() user: AuthUser, @Param() params: StoryIdParams, @Body() body: StartPhaseDto, @Res({ passthrough: true }) res: Response): Promise<StartPhaseResponse> {
    return this.run(user, params.id, 'start', body, res);
  }

  @Post('continue')
  @StartsPhase()
  continue(@CurrentUser() user: AuthUser, @Param() params: StoryIdParams, @Body() body: StartPhaseDto, @Res({ passthrough: true }) res: Response): Promise<StartPhaseResponse> {
    return this.run(user, params.id, 'continue', body, res);
  }

  /** "Continue this passage": writes on from where the story text ends, after the output cap cut a passage off. */
  @Post('extend')
  @StartsPhase()
  extend(@CurrentUser() user: AuthUser, @Param() params: StoryIdParams, @Body() body: StartPhaseDto, @Res({ passthrough: true }) res: Response): Promise<StartPhaseResponse> {
    return this.run(user, params.id, 'extend', body, res);
  }

  /** Writes one chapter of the story text again (0 = the first); the other chapters stay as they are. Never from the cache. */
  @Post('chapter')
  @ZodResponse({ status: 202, type: StartPhaseResponseDto, description: 'Streaming as `generationId`; the chapter replaces the old one when it ends.' })
  async chapter(@CurrentUser() user: AuthUser, @Param() params: StoryIdParams, @Body() body: RegenerateChapterDto): Promise<StartPhaseResponse> {
    return (await this.phases.start(user, params.id, 'chapter', true, body.chapterIndex)).body;
  }

  /** The status says which answer it is; the body goes out through the response schema like any other. */
  private async run(user: AuthUser, storyId: string, phase: StoryPhase, body: StartPhaseDto, res: Response): Promise<StartPhaseResponse> {
    const started = await this.phases.start(user, storyId, phase, body.regenerate ?? false);
    res.status(started.status);
    return started.body;
  }
}
