import { Controller, Delete, Get, HttpCode, Param, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { MediaCapabilities, MediaUsage } from '@storyos/contracts';
import type { Request, Response } from 'express';
import { ZodResponse } from 'nestjs-zod';
import { AppError } from '../../core/errors/app-error';
import { Public } from '../../core/http/public.decorator';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/guards/auth.decorators';
import { MediaCapabilitiesService } from './providers/media-capabilities.service';
import { MediaAccess } from './media-access';
import { MediaCapabilitiesDto, MediaIdParams, MediaUsageDto } from './media.dto';
import { MediaService } from './media.service';
import type { MediaAssetEntity } from './entities/media-asset.entity';
import { MediaResponder } from './serving/media-responder';
import { MediaViewer } from './serving/media-viewer';

const BYTES_RESPONSES = [
  ApiProduces('image/jpeg', 'image/png', 'image/webp', 'audio/mpeg'),
  ApiHeader({ name: 'range', required: false, description: 'One byte range, e.g. bytes=0-1023 (206); several or malformed ranges get the whole file.' }),
  ApiHeader({ name: 'if-none-match', required: false, description: 'The ETag from an earlier answer: 304 when unchanged.' }),
  ApiHeader({ name: 'if-range', required: false, description: 'Honour Range only while the ETag still matches.' }),
  ApiResponse({ status: 200, description: 'The bytes. Private media needs the owner’s bearer token; public media is open to all.', content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } }),
  ApiResponse({ status: 206, description: 'The requested byte range.' }),
  ApiResponse({ status: 304, description: 'Not modified (If-None-Match matched the ETag).' }),
  ApiResponse({ status: 404, description: 'No such media, or not yours.' }),
  ApiResponse({ status: 416, description: 'The range lies outside the file.' }),
];

@ApiTags('media')
@ApiBearerAuth()
@Controller('media')
export class MediaController {
  constructor(
    private readonly media: MediaService,
    private readonly access: MediaAccess,
    private readonly responder: MediaResponder,
    private readonly viewer: MediaViewer,
    private readonly capabilities: MediaCapabilitiesService,
  ) {}

  /** Which picture, speech and transcription providers this deployment has, so clients can hide what is missing. */
  @Get('capabilities')
  @ZodResponse({ status: 200, type: MediaCapabilitiesDto })
  getCapabilities(): MediaCapabilities {
    return this.capabilities.current();
  }

  /** How much the caller stores, and may. */
  @Get('usage')
  @ZodResponse({ status: 200, type: MediaUsageDto })
  getUsage(@CurrentUser() user: AuthUser): Promise<MediaUsage> {
    return this.media.usage(user);
  }

  /** The stored bytes of a picture or recording. */
  @Public()
  @Get(':id')
  @applyAll(BYTES_RESPONSES)
  async getBytes(@Param() params: MediaIdParams, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<StreamableFile | undefined> {
    return this.responder.respond(await this.find(request, (viewer) => this.access.readable(viewer, params.id)), request, response);
  }

  /** The preview of an uploaded picture (WebP, at most 320 pixels a side). */
  @Public()
  @Get(':id/thumbnail')
  @applyAll(BYTES_RESPONSES)
  async getThumbnail(@Param() params: MediaIdParams, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<StreamableFile | undefined> {
    return this.responder.respond(await this.find(request, (viewer) => this.access.readableThumbnail(viewer, params.id)), request, response);
  }

  /** Deletes one of your uploads or generated media, and its thumbnail. */
  @Delete(':id')
  @HttpCode(204)
  async delete(@CurrentUser() user: AuthUser, @Param() params: MediaIdParams): Promise<void> {
    await this.media.delete(user, params.id);
  }

  /** Someone without a valid token who cannot see the media is asked to sign in; a signed-in stranger is told it is not there. */
  private async find(request: Request, lookup: (viewer: AuthUser | null) => Promise<MediaAssetEntity>): Promise<MediaAssetEntity> {
    const { user, presentedToken } = await this.viewer.of(request);
    try {
      return await lookup(user);
    } catch (error) {
      if (user || !(error instanceof AppError) || error.code !== 'NOT_FOUND') throw error;
      throw AppError.unauthenticated(presentedToken ? 'Your session has expired or the token is not valid. Please sign in again.' : 'Please sign in to see this.');
    }
  }
}

function applyAll(decorators: MethodDecorator[]): MethodDecorator {
  return (target, key, descriptor) => {
    for (const decorator of decorators) decorator(target, key, descriptor);
  };
}
