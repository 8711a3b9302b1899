import { Controller, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiResponse, ApiTags } from '@nestjs/swagger';
import { MAX_UPLOAD_BYTES, UPLOAD_FIELD_NAME, type MediaAsset } from '@storyos/contracts';
import { ZodResponse } from 'nestjs-zod';
import type { AuthUser } from '../../auth/auth-user';
import { CurrentUser } from '../../auth/guards/auth.decorators';
import { MediaAssetDto } from '../media.dto';
import { MediaUploadsService } from './media-uploads.service';
import { MultipartUploadInterceptor } from './multipart-upload.interceptor';

@ApiTags('media')
@ApiBearerAuth()
@Controller('media/uploads')
export class MediaUploadsController {
  constructor(private readonly uploads: MediaUploadsService) {}

  /**
   * Uploads a JPEG, PNG or WebP picture (at most 5 MB). The type is read from
   * the file's bytes; metadata (EXIF, GPS) is removed and a thumbnail made.
   */
  @Post()
  @UseInterceptors(MultipartUploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: [UPLOAD_FIELD_NAME],
      properties: { [UPLOAD_FIELD_NAME]: { type: 'string', format: 'binary', maxLength: MAX_UPLOAD_BYTES, description: 'The picture: JPEG, PNG or WebP, at most 5 MB.' } },
    },
  })
  @ZodResponse({ status: 201, type: MediaAssetDto })
  @ApiResponse({ status: 400, description: 'Not a picture, damaged, disguised (a script or page inside or after it) or too many pixels.' })
  @ApiResponse({ status: 413, description: 'Over 5 MB, or past your storage allowance.' })
  @ApiResponse({ status: 429, description: 'Too many uploads at once or in a minute.' })
  upload(@CurrentUser() user: AuthUser, @UploadedFile() file: Express.Multer.File | undefined): Promise<MediaAsset> {
    return this.uploads.upload(user, file);
  }
}
