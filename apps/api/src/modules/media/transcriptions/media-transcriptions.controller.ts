import { Controller, HttpCode, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiResponse, ApiTags } from '@nestjs/swagger';
import { MAX_RECORDING_BYTES, TranscriptionAcceptedSchema, UPLOAD_FIELD_NAME, type TranscriptionAccepted } from '@storyos/contracts';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import type { AuthUser } from '../../auth/auth-user';
import { CurrentUser } from '../../auth/guards/auth.decorators';
import { MediaTranscriptionsService } from './media-transcriptions.service';
import { RecordingUploadInterceptor } from './recording-upload.interceptor';

class TranscriptionAcceptedDto extends createZodDto(TranscriptionAcceptedSchema) {}

@ApiTags('media')
@ApiBearerAuth()
@Controller('media/transcriptions')
export class MediaTranscriptionsController {
  constructor(private readonly transcriptions: MediaTranscriptionsService) {}

  /**
   * Sends recorded speech (WebM, Ogg, WAV, MP3 or M4A — what MediaRecorder
   * makes — at most 10 MB) to be written down. The type is read from the
   * file's bytes. Answers 202 at once; the transcript is the text of
   * `generationId`, streamed and stored like any generation.
   */
  @Post()
  @HttpCode(202)
  @UseInterceptors(RecordingUploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: [UPLOAD_FIELD_NAME],
      properties: { [UPLOAD_FIELD_NAME]: { type: 'string', format: 'binary', maxLength: MAX_RECORDING_BYTES, description: 'The recording: WebM, Ogg, WAV, MP3 or M4A audio, at most 10 MB.' } },
    },
  })
  @ZodResponse({ status: 202, type: TranscriptionAcceptedDto })
  @ApiResponse({ status: 400, description: 'Empty, or not a recording.' })
  @ApiResponse({ status: 409, description: 'This server has no speech-to-text service configured.' })
  @ApiResponse({ status: 413, description: 'Over 10 MB, or past your storage allowance.' })
  @ApiResponse({ status: 429, description: 'Too many uploads at once or in a minute, or the daily generation limit.' })
  transcribe(@CurrentUser() user: AuthUser, @UploadedFile() file: Express.Multer.File | undefined): Promise<TranscriptionAccepted> {
    return this.transcriptions.transcribe(user, file);
  }
}
