import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { MediaAsset, MediaAttachment, MediaKind, MediaProviderName, MediaUsage } from '@storyos/contracts';
import { decideAllowance, userTypeOf } from '@storyos/domain';
import { PinoLogger } from 'nestjs-pino';
import { createHash } from 'node:crypto';
import { DataSource, In, type EntityManager } from 'typeorm';
import { InjectConfig } from '../../core/config/config.module';
import type { AppConfig } from '../../core/config/app-config';
import type { AuthUser } from '../auth/auth-user';
import { MediaAssetEntity, type MediaDetails } from './entities/media-asset.entity';
import { MediaErrors } from './media.errors';
import { MediaLocks } from './media-locks';
import { toMediaAsset } from './media.mapper';
import { contentKey, InjectMediaStorage, type MediaStorage } from './storage/media-storage';

/** What is known about bytes being stored, besides the bytes. */
export interface MediaMeta {
  kind: MediaKind;
  contentType: string;
  width?: number | null;
  height?: number | null;
  durationMs?: number | null;
  fileName?: string | null;
  provider?: MediaProviderName | null;
  model?: string | null;
  costCents?: number | null;
  details?: MediaDetails;
  attachedTo?: MediaAttachment | null;
  isPublic?: boolean;
}

export interface MediaFile {
  bytes: Uint8Array;
  meta: MediaMeta;
}

export interface StoreOptions {
  /** A preview stored with the file, in the same transaction. */
  thumbnail?: MediaFile;
  /** Refuse with 413 when the owner's stored bytes would pass their allowance (uploads do; generated media does not). */
  enforceAllowance?: boolean;
}

/**
 * Stores and deletes media: the bytes in content-addressed storage, a row per
 * use. The pipeline's picture and narration steps call `store` too.
 */
@Injectable()
export class MediaService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectMediaStorage() private readonly storage: MediaStorage,
    @InjectConfig() private readonly config: AppConfig,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext(MediaService.name);
  }

  async store(owner: Pick<AuthUser, 'id' | 'role' | 'isGuest'>, file: MediaFile, options: StoreOptions = {}): Promise<MediaAsset> {
    const files = options.thumbnail ? [file, options.thumbnail] : [file];
    const hashes = files.map((item) => sha256Hex(item.bytes));
    const incoming = files.reduce((sum, item) => sum + item.bytes.byteLength, 0);
    try {
      return await this.dataSource.transaction(async (manager) => {
        await MediaLocks.owner(manager, owner.id);
        if (options.enforceAllowance) await this.assertAllowance(manager, owner, incoming);
        await MediaLocks.blobs(manager, hashes);
        for (const [index, item] of files.entries()) await this.storage.put(contentKey(hashes[index]!), item.bytes, item.meta.contentType);
        const main = await manager.save(manager.create(MediaAssetEntity, rowOf(owner.id, file, hashes[0]!, null)));
        if (options.thumbnail) await manager.save(manager.create(MediaAssetEntity, rowOf(owner.id, options.thumbnail, hashes[1]!, main.id, file.meta)));
        return toMediaAsset(main, Boolean(options.thumbnail));
      });
    } catch (error) {
      // The rows were rolled back; bytes this call stored and nothing else uses must not stay behind.
      await this.removeUnusedBlobs(hashes);
      throw error;
    }
  }

  /** Deletes one of the user's own media (and its thumbnail); the bytes go when no other row uses them. */
  /** The whole file of a media row the caller already found (e.g. a picture for an export), with its size. */
  async bytesOf(mediaId: string): Promise<{ bytes: Buffer; contentType: string; width: number | null; height: number | null } | null> {
    const row = await this.dataSource.manager.findOneBy(MediaAssetEntity, { id: mediaId });
    if (!row) return null;
    const chunks: Buffer[] = [];
    for await (const chunk of await this.storage.read(contentKey(row.sha256))) chunks.push(Buffer.from(chunk as Uint8Array));
    return { bytes: Buffer.concat(chunks), contentType: row.contentType, width: row.width, height: row.height };
  }

  async delete(user: AuthUser, id: string): Promise<void> {
    const hashes = await this.dataSource.transaction(async (manager) => {
      const row = await manager.findOne(MediaAssetEntity, { where: { id, ownerId: user.id }, lock: { mode: 'pessimistic_write' } });
      if (!row || row.kind === 'thumbnail') throw MediaErrors.notFound();
      const children = await manager.findBy(MediaAssetEntity, { parentId: row.id });
      await manager.delete(MediaAssetEntity, { id: row.id });
      return [row.sha256, ...children.map((child) => child.sha256)];
    });
    await this.removeUnusedBlobs(hashes);
  }

  /** Media follows what it is attached to: a chat made public makes its pictures public, and back. */
  async setPublicFor(attachment: MediaAttachment, isPublic: boolean, manager: EntityManager = this.dataSource.manager): Promise<number> {
    const result = await manager.update(MediaAssetEntity, { attachedType: attachment.type, attachedId: attachment.id }, { isPublic });
    return result.affected ?? 0;
  }

  /** Which of `ids` are the owner's own uploads, as they are now. */
  async ownUploads(ownerId: string, ids: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows = await manager.find(MediaAssetEntity, { select: { id: true }, where: { id: In([...ids]), ownerId, kind: 'upload' } });
    return rows.map((row) => row.id);
  }

  /**
   * Attaches the owner's uploads (and their thumbnails) to what they were
   * sent with, e.g. a chat; from then on they are as public as it is.
   */
  async attachUploads(ownerId: string, ids: readonly string[], attachment: MediaAttachment, isPublic: boolean, manager: EntityManager = this.dataSource.manager): Promise<void> {
    if (ids.length === 0) return;
    const values = { attachedType: attachment.type, attachedId: attachment.id, isPublic };
    await manager.update(MediaAssetEntity, { id: In([...ids]), ownerId, kind: 'upload' }, values);
    await manager.update(MediaAssetEntity, { parentId: In([...ids]), ownerId, kind: 'thumbnail' }, values);
  }

  async usage(user: AuthUser): Promise<MediaUsage> {
    const userType = userTypeOf(user);
    return { userType, usedBytes: await this.usedBytes(this.dataSource.manager, user.id), allowanceBytes: this.config.media.allowances[userType] };
  }

  private async assertAllowance(manager: EntityManager, owner: Pick<AuthUser, 'id' | 'role' | 'isGuest'>, incoming: number): Promise<void> {
    const allowance = this.config.media.allowances[userTypeOf(owner)];
    const used = await this.usedBytes(manager, owner.id);
    const decision = decideAllowance(allowance, used, incoming);
    if (!decision.allowed && allowance !== null) throw MediaErrors.allowanceExceeded(allowance, used, incoming);
  }

  private async usedBytes(manager: EntityManager, ownerId: string): Promise<number> {
    const [row] = (await manager.query(`SELECT coalesce(sum(bytes), 0)::bigint AS used FROM media_assets WHERE owner_id = $1`, [ownerId])) as { used: string }[];
    return Number(row?.used ?? 0);
  }

  /** Deletes stored bytes no row refers to any more, each under its blob lock. */
  private async removeUnusedBlobs(hashes: string[]): Promise<void> {
    for (const sha256 of new Set(hashes)) {
      try {
        await this.dataSource.transaction(async (manager) => {
          await MediaLocks.blobs(manager, [sha256]);
          if (await manager.existsBy(MediaAssetEntity, { sha256 })) return;
          await this.storage.delete(contentKey(sha256));
        });
      } catch (error) {
        // An orphaned blob wastes space but harms no one; the request's own outcome stands.
        this.logger.warn({ err: error, sha256 }, 'Could not remove unused media bytes');
      }
    }
  }
}

function rowOf(ownerId: string, file: MediaFile, sha256: string, parentId: string | null, inherited?: MediaMeta): Partial<MediaAssetEntity> {
  const { meta } = file;
  const attachedTo = inherited?.attachedTo ?? meta.attachedTo ?? null;
  return {
    ownerId,
    kind: meta.kind,
    contentType: meta.contentType,
    bytes: file.bytes.byteLength,
    sha256,
    width: meta.width ?? null,
    height: meta.height ?? null,
    durationMs: meta.durationMs ?? null,
    fileName: meta.fileName ?? null,
    provider: meta.provider ?? null,
    model: meta.model ?? null,
    costCents: meta.costCents ?? null,
    details: meta.details ?? {},
    parentId,
    attachedType: attachedTo?.type ?? null,
    attachedId: attachedTo?.id ?? null,
    isPublic: inherited?.isPublic ?? meta.isPublic ?? false,
  };
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
