import { Controller, Get, Param, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { AuthUser } from '../../auth/auth-user';
import { CurrentUser } from '../../auth/guards/auth.decorators';
import { IllustratedSceneParams } from './illustrated-stories.dto';
import { SceneAudio } from './scene-audio';

/** A scene's whole narration as one MP3 (the seed's `audio_url`), for players that want one file. */
@ApiTags('illustrated-stories')
@ApiBearerAuth()
@Controller('illustrated-stories')
export class SceneAudioController {
  constructor(private readonly audio: SceneAudio) {}

  @Get(':id/scenes/:sceneId/audio')
  @ApiProduces('audio/mpeg')
  @ApiResponse({ status: 200, description: 'The narration’s MP3 pieces joined in order.', content: { 'audio/mpeg': { schema: { type: 'string', format: 'binary' } } } })
  @ApiResponse({ status: 304, description: 'Not modified (If-None-Match matched the ETag).' })
  @ApiResponse({ status: 404, description: 'No such story or scene, not yours, or its narration is not made yet.' })
  async get(@CurrentUser() user: AuthUser, @Param() params: IllustratedSceneParams, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<StreamableFile | undefined> {
    const { bytes, etag } = await this.audio.of(user, params.id, params.sceneId);
    // A retried narration replaces the file: cached copies are checked against the ETag.
    response.set({ ETag: etag, 'Cache-Control': 'private, no-cache', 'Content-Type': 'audio/mpeg', 'X-Content-Type-Options': 'nosniff' });
    if (request.headers['if-none-match'] === etag) {
      response.status(304);
      return undefined;
    }
    return new StreamableFile(bytes, { type: 'audio/mpeg', length: bytes.length });
  }
}
