import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { StoryPhase } from '@storyos/contracts';
import type { Response } from 'express';
import type { AuthUser } from '../../auth/auth-user';
import { CurrentUser } from '../../auth/guards/auth.decorators';
import { StartPhaseDto, StartPhaseResponseDto, StoryIdParams } from '../stories.dto';
import { StoryPhasesService } from './story-phases.service';

/**
 * premise → outline → start → continue. 202 with a generation to follow
 * (GET /api/generations/:id, its stream, or the socket), or 200 with the
 * cached version. One at a time per story (409 otherwise).
 */
@ApiTags('stories')
@ApiBearerAuth()
@ApiResponse({ status: 202, type: StartPhaseResponseDto, description: 'Streaming as `generationId`.' })
@ApiResponse({ status: 200, type: StartPhaseResponseDto, description: 'Answered from the result cache.' })
@Controller('stories/:id')
export class StoryPhasesController {
  constructor(private readonly phases: StoryPhasesService) {}

  @Post('premise')
  premise(@CurrentUser() user: AuthUser, @Param() params: StoryIdParams, @Body() body: StartPhaseDto, @Res() res: Response): Promise<void> {
    return this.run(user, params.id, 'premise', body, res);
  }

  @Post('outline')
  outline(@CurrentUser() user: AuthUser, @Param() params: StoryIdParams, @Body() body: StartPhaseDto, @Res() res: Response): Promise<void> {
    return this.run(user, params.id, 'outline', body, res);
  }

  @Post('start')
  start(@CurrentUser() user: AuthUser, @Param() params: StoryIdParams, @Body() body: StartPhaseDto, @Res() res: Response): Promise<void> {
    return this.run(user, params.id, 'start', body, res);
  }

  @Post('continue')
  continue(@CurrentUser() user: AuthUser, @Param() params: StoryIdParams, @Body() body: StartPhaseDto, @Res() res: Response): Promise<void> {
    return this.run(user, params.id, 'continue', body, res);
  }

  /** "Continue this passage": writes on from where the story text ends, after the output cap cut a passage off. */
  @Post('extend')
  extend(@CurrentUser() user: AuthUser, @Param() params: StoryIdParams, @Body() body: StartPhaseDto, @Res() res: Response): Promise<void> {
    return this.run(user, params.id, 'extend', body, res);
  }

  private async run(user: AuthUser, storyId: string, phase: StoryPhase, body: StartPhaseDto, res: Response): Promise<void> {
    const started = await this.phases.start(user, storyId, phase, body.regenerate ?? false);
    res.status(started.status).json(started.body);
  }
}
