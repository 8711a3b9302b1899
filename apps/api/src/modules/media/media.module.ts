import { Module, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module';
import { GenerationModule } from '../generation/generation.module';
import { MediaAssetEntity } from './entities/media-asset.entity';
import { MediaAccess } from './media-access';
import { MediaController } from './media.controller';
import { MediaService } from './media.service';
import { MediaProvidersModule } from './providers/media-providers.module';
import { MediaResponder } from './serving/media-responder';
import { MediaViewer } from './serving/media-viewer';
import { MediaStorageModule } from './storage/media-storage.module';
import { MediaUploadsController } from './uploads/media-uploads.controller';
import { MediaUploadsService } from './uploads/media-uploads.service';
import { MultipartUploadInterceptor } from './uploads/multipart-upload.interceptor';
import { UploadInspector } from './uploads/upload-inspector';
import { UploadThrottle } from './uploads/upload-throttle';
import { GenerationHandlers } from '../generation/handlers/generation-handlers';
import { MediaTranscriptionsController } from './transcriptions/media-transcriptions.controller';
import { MediaTranscriptionsService } from './transcriptions/media-transcriptions.service';
import { RecordingUploadInterceptor } from './transcriptions/recording-upload.interceptor';
import { TranscriptionHandler } from './transcriptions/transcription.handler';

/**
 * Media: uploads (checked, cleaned, thumbnailed, within an allowance),
 * content-addressed storage on disk or S3, serving with ownership, caching
 * and ranges, and the picture/speech/transcription providers that the
 * pipeline's steps call, storing what they make with `MediaService.store`;
 * recordings sent to be transcribed (a transcription step).
 */
@Module({
  imports: [TypeOrmModule.forFeature([MediaAssetEntity]), AuthModule, GenerationModule, MediaStorageModule, MediaProvidersModule],
  controllers: [MediaUploadsController, MediaTranscriptionsController, MediaController],
  providers: [MediaService, MediaAccess, MediaResponder, MediaViewer, MediaUploadsService, UploadInspector, UploadThrottle, MultipartUploadInterceptor, MediaTranscriptionsService, RecordingUploadInterceptor, TranscriptionHandler],
  // The worker module adds RunMediaStepProcessor and RunTranscriptionStepProcessor, which needs the generation module's pipeline pieces.
  // The uploads service and its interceptor serve seed 003's POST /api/files/upload in the conversation module too.
  exports: [MediaService, MediaProvidersModule, GenerationModule, MediaUploadsService, MultipartUploadInterceptor, UploadThrottle],
})
export class MediaModule implements OnModuleInit {
  constructor(
    private readonly handlers: GenerationHandlers,
    private readonly transcription: TranscriptionHandler,
  ) {}

  onModuleInit(): void {
    this.handlers.register('media.transcription', this.transcription);
  }
}
