import { Module, type OnApplicationShutdown } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { APP_CONFIG, type AppConfig } from '../../../core/config/app-config';
import { DiskMediaStorage } from './disk-media-storage';
import { InjectMediaStorage, MEDIA_STORAGE, type MediaStorage } from './media-storage';
import { S3MediaStorage } from './s3-media-storage';

/** Provides `MEDIA_STORAGE`: local disk by default, an S3-compatible bucket with MEDIA_STORAGE=s3. */
@Module({
  providers: [
    {
      provide: MEDIA_STORAGE,
      inject: [APP_CONFIG, PinoLogger],
      useFactory: (config: AppConfig, logger: PinoLogger): MediaStorage => {
        const settings = config.media.storage;
        const storage = settings.kind === 's3' ? new S3MediaStorage(settings) : new DiskMediaStorage(settings.dir);
        logger.setContext('MediaStorage');
        logger.info({ storage: storage.kind }, `Media storage: ${storage.detail}`);
        return storage;
      },
    },
  ],
  exports: [MEDIA_STORAGE],
})
export class MediaStorageModule implements OnApplicationShutdown {
  constructor(@InjectMediaStorage() private readonly storage: MediaStorage) {}

  onApplicationShutdown(): void {
    if (this.storage instanceof S3MediaStorage) this.storage.close();
  }
}
