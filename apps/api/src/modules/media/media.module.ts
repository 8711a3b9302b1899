import { Module } from '@nestjs/common';
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

/**
 * Media: uploads (checked, cleaned, thumbnailed, within an allowance),
 * content-addressed storage on disk or S3, serving with ownership, caching
 * and ranges, and the picture/speech/transcription providers that the
 * pipeline's steps call, storing what they make with `MediaService.store`.
 */
@Module({
  imports: [TypeOrmModule.forFeature([MediaAssetEntity]), AuthModule, GenerationModule, MediaStorageModule, MediaProvidersModule],
  controllers: [MediaUploadsController, MediaController],
  providers: [MediaService, MediaAccess, MediaResponder, MediaViewer, MediaUploadsService, UploadInspector, UploadThrottle, MultipartUploadInterceptor],
  // The worker module adds RunMediaStepProcessor, which needs the generation module's pipeline pieces.
  // The uploads service and its interceptor serve seed 003's POST /api/files/upload in the conversation module too.
  exports: [MediaService, MediaProvidersModule, GenerationModule, MediaUploadsService, MultipartUploadInterceptor, UploadThrottle],
})
export class MediaModule {}
