import type { MediaAsset } from '@storyos/contracts';
import type { MediaAssetEntity } from './entities/media-asset.entity';

export const mediaUrl = (id: string): string => `/api/media/${id}`;

/** The client's view of a media row; `hasThumbnail` says whether a preview exists for it. */
export function toMediaAsset(entity: MediaAssetEntity, hasThumbnail = false): MediaAsset {
  return {
    id: entity.id,
    kind: entity.kind,
    contentType: entity.contentType,
    bytes: entity.bytes,
    sha256: entity.sha256,
    width: entity.width,
    height: entity.height,
    durationMs: entity.durationMs,
    pathname: entity.fileName,
    provider: entity.provider,
    model: entity.model,
    costCents: entity.costCents,
    attachedTo: entity.attachedType && entity.attachedId ? { type: entity.attachedType, id: entity.attachedId } : null,
    isPublic: entity.isPublic,
    url: mediaUrl(entity.id),
    thumbnailUrl: hasThumbnail ? `${mediaUrl(entity.id)}/thumbnail` : null,
    createdAt: entity.createdAt.toISOString(),
  };
}
