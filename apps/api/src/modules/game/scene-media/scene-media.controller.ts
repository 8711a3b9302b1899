import { Body, Controller, Get, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { SceneMediaSchema, SceneParamsSchema, StartSceneMediaRequestSchema, type SceneMedia } from '@storyos/contracts';
import type { Response } from 'express';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { z } from 'zod';
import type { AuthUser } from '../../auth/auth-user';
import { CurrentUser } from '../../auth/guards/auth.decorators';
import { SessionIdParams } from '../sessions/game-sessions.dto';
import { SceneMediaService } from './scene-media.service';

class SceneParams extends createZodDto(SceneParamsSchema) {}
/** A POST with no body at all means `{}`. */
class StartSceneMediaDto extends createZodDto(z.preprocess((body) => body ?? {}, StartSceneMediaRequestSchema)) {}
class SceneMediaDto extends createZodDto(SceneMediaSchema) {}
class SceneMediaListDto extends createZodDto(z.array(SceneMediaSchema)) {}

/** "Illustrate" and "Listen" for a game's scenes (its narrator replies): media steps, followed like any generation. */
@ApiTags('game')
@ApiBearerAuth()
@Controller('game/sessions/:id')
export class SceneMediaController {
  constructor(private readonly media: SceneMediaService) {}

  /** 202 while the scene is drawn (follow `generationId`); 200 with the picture already made for this text, unless `again`. */
  @Post('messages/:messageId/illustration')
  @ZodResponse({ status: 202, type: SceneMediaDto })
  async illustrate(@CurrentUser() user: AuthUser, @Param() params: SceneParams, @Body() body: StartSceneMediaDto, @Res({ passthrough: true }) response: Response): Promise<SceneMedia> {
    const started = await this.media.start(user, params.id, params.messageId, 'illustration', body.again);
    response.status(started.status);
    return started.body;
  }

  /** 202 while the scene is read aloud, sentence by sentence (each piece arrives as a `media` stream entry); 200 when already made for this text. */
  @Post('messages/:messageId/narration')
  @ZodResponse({ status: 202, type: SceneMediaDto })
  async narrate(@CurrentUser() user: AuthUser, @Param() params: SceneParams, @Body() body: StartSceneMediaDto, @Res({ passthrough: true }) response: Response): Promise<SceneMedia> {
    const started = await this.media.start(user, params.id, params.messageId, 'narration', body.again);
    response.status(started.status);
    return started.body;
  }

  /** The newest picture and narration of each narrator reply in the game. */
  @Get('media')
  @ZodResponse({ status: 200, type: SceneMediaListDto })
  list(@CurrentUser() user: AuthUser, @Param() params: SessionIdParams): Promise<SceneMedia[]> {
    return this.media.list(user, params.id);
  }
}
