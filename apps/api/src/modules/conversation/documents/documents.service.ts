import { Injectable } from '@nestjs/common';
import type { DeletedCount, DocumentVersion, SaveDocumentRequest } from '@storyos/contracts';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../../auth/auth-user';
import { ChatErrors } from '../conversation.errors';
import { ChatEntity } from '../entities/chat.entity';
import type { ChatDocumentEntity } from '../entities/chat-document.entity';
import { toDocumentVersion } from './document.mapper';
import { DocumentVersions } from './document-versions';

/** `GET/POST/DELETE /api/document`: a document's versions, read by whoever may read its chat, changed by its owner. */
@Injectable()
export class DocumentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly versions: DocumentVersions,
  ) {}

  /** Every version, oldest first. */
  async list(user: AuthUser, id: string): Promise<DocumentVersion[]> {
    const rows = await this.versions.all(this.dataSource.manager, id);
    const first = rows[0];
    if (!first || !(await this.canRead(user, first))) throw ChatErrors.documentNotFound();
    return rows.map(toDocumentVersion);
  }

  /** The user's edit as a new version; a save from an older version than the newest is refused with the newest. */
  async save(user: AuthUser, id: string, body: SaveDocumentRequest): Promise<DocumentVersion> {
    return this.dataSource.transaction(async (manager) => {
      const latest = await this.owned(user, id, manager);
      if (body.baseVersion !== undefined && new Date(body.baseVersion).getTime() !== latest.createdAt.getTime()) {
        throw ChatErrors.documentChangedMeanwhile(toDocumentVersion(latest));
      }
      const row = await this.versions.add(manager, { id, chatId: latest.chatId, userId: user.id, title: body.title, kind: body.kind, content: body.content });
      return toDocumentVersion(row);
    });
  }

  /** Removes the versions made after `timestamp` (going back to that version). */
  async deleteAfter(user: AuthUser, id: string, timestamp: string): Promise<DeletedCount> {
    return this.dataSource.transaction(async (manager) => {
      await this.owned(user, id, manager);
      return { deleted: await this.versions.deleteAfter(manager, id, new Date(timestamp)) };
    });
  }

  private async owned(user: AuthUser, id: string, manager = this.dataSource.manager): Promise<ChatDocumentEntity> {
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`chat-document:${id}`]);
    const latest = await this.versions.latest(manager, id);
    if (!latest || !(await this.canRead(user, latest))) throw ChatErrors.documentNotFound();
    if (latest.userId !== user.id) throw ChatErrors.documentReadOnly();
    return latest;
  }

  /** Its owner, or anyone when its chat is public. */
  async canRead(user: AuthUser, document: ChatDocumentEntity): Promise<boolean> {
    if (document.userId === user.id) return true;
    return this.dataSource.manager.existsBy(ChatEntity, { id: document.chatId, visibility: 'public' });
  }
}
