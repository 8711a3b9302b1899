import { Injectable } from '@nestjs/common';
import type { MediaAsset } from '@storyos/contracts';
import { safeFileName } from '@storyos/domain';
import type { AuthUser } from '../../auth/auth-user';
import { MediaErrors } from '../media.errors';
import { MediaService } from '../media.service';
import { UploadInspector } from './upload-inspector';

/** A user's picture upload: checked, cleaned, stored with its thumbnail within their allowance. */
@Injectable()
export class MediaUploadsService {
  constructor(
    private readonly inspector: UploadInspector,
    private readonly media: MediaService,
  ) {}

  async upload(user: AuthUser, file: Express.Multer.File | undefined): Promise<MediaAsset> {
    if (!file) throw MediaErrors.noFile();
    const picture = await this.inspector.inspect(file.buffer);
    return this.media.store(
      user,
      {
        bytes: picture.bytes,
        meta: { kind: 'upload', contentType: picture.contentType, width: picture.width, height: picture.height, fileName: safeFileName(file.originalname, picture.contentType) },
      },
      {
        enforceAllowance: true,
        thumbnail: { bytes: picture.thumbnail.bytes, meta: { kind: 'thumbnail', contentType: picture.thumbnail.contentType, width: picture.thumbnail.width, height: picture.thumbnail.height } },
      },
    );
  }
}
