import { Controller, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiResponse, ApiTags } from '@nestjs/swagger';
import { MAX_UPLOAD_BYTES, UPLOAD_FIELD_NAME, type MediaAsset } from '@storyos/contracts';
import { ZodResponse } from 'nestjs-zod';
import type { AuthUser } from '../../auth/auth-user';
import { CurrentUser } from '../../auth/guards/auth.decorators';
import { MediaUploadsService } from '../../media/uploads/media-uploads.service';
import { MultipartUploadInterceptor } from '../../media/uploads/multipart-upload.interceptor';
import { UploadedFileDto } from '../conversation.dto';

@ApiTags('chat')
@ApiBearerAuth()
@Controller('files')
export class FilesController {
  constructor(private readonly uploads: MediaUploadsService) {}

  /**
   * Seed 003's upload, through the media module: a JPEG or PNG (or WebP) of
   * at most 5 MB, checked by its bytes. Answers with `url`, `pathname` and
   * `contentType`; a message's file part refers to the `url`.
   */
  @Post('upload')
  @UseInterceptors(MultipartUploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: [UPLOAD_FIELD_NAME],
      properties: { [UPLOAD_FIELD_NAME]: { type: 'string', format: 'binary', maxLength: MAX_UPLOAD_BYTES, description: 'The picture: JPEG, PNG or WebP, at most 5 MB.' } },
    },
  })
  @ZodResponse({ status: 201, type: UploadedFileDto })
  @ApiResponse({ status: 400, description: 'Not a picture, damaged or disguised.' })
  @ApiResponse({ status: 413, description: 'Over 5 MB, or past your storage allowance.' })
  upload(@CurrentUser() user: AuthUser, @UploadedFile() file: Express.Multer.File | undefined): Promise<MediaAsset> {
    return this.uploads.upload(user, file);
  }
}
