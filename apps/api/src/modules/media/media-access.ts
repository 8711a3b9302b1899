import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { AuthUser } from '../auth/auth-user';
import { MediaAssetEntity } from './entities/media-asset.entity';
import { MediaErrors } from './media.errors';

/** Finds media a caller may read: their own, or public. Anyone else's answers exactly like a missing one. */
@Injectable()
export class MediaAccess {
  constructor(@InjectRepository(MediaAssetEntity) private readonly media: Repository<MediaAssetEntity>) {}

  async readable(viewer: AuthUser | null, id: string): Promise<MediaAssetEntity> {
    const row = await this.media.findOneBy({ id });
    if (!row || !(row.isPublic || row.ownerId === viewer?.id)) throw MediaErrors.notFound();
    return row;
  }

  /** The preview of media the caller may read; 404 when there is none. */
  async readableThumbnail(viewer: AuthUser | null, id: string): Promise<MediaAssetEntity> {
    const parent = await this.readable(viewer, id);
    const thumbnail = await this.media.findOneBy({ parentId: parent.id, kind: 'thumbnail' });
    if (!thumbnail) throw MediaErrors.notFound();
    return thumbnail;
  }

  async hasThumbnail(id: string): Promise<boolean> {
    return this.media.existsBy({ parentId: id, kind: 'thumbnail' });
  }
}
