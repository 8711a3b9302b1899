import { Injectable } from '@nestjs/common';
import type { DocumentKind } from '@storyos/contracts';
import { MoreThan, type EntityManager } from 'typeorm';
import { ChatDocumentEntity } from '../entities/chat-document.entity';

export interface NewVersion {
  id: string;
  chatId: string;
  userId: string;
  title: string;
  kind: DocumentKind;
  content: string;
}

/**
 * Adds and finds document versions. A version's time is its name, so each
 * is set here at millisecond precision (what clients send back) and later
 * than the version before it, under a per-document lock.
 */
@Injectable()
export class DocumentVersions {
  async add(manager: EntityManager, version: NewVersion): Promise<ChatDocumentEntity> {
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`chat-document:${version.id}`]);
    const latest = await this.latest(manager, version.id);
    const now = Date.now();
    const createdAt = new Date(latest ? Math.max(now, latest.createdAt.getTime() + 1) : now);
    return manager.save(manager.create(ChatDocumentEntity, { ...version, createdAt }));
  }

  latest(manager: EntityManager, id: string): Promise<ChatDocumentEntity | null> {
    return manager.findOne(ChatDocumentEntity, { where: { id }, order: { createdAt: 'DESC' } });
  }

  /** The document the chat worked on last: the one the next "make it darker" is about. */
  latestOfChat(manager: EntityManager, chatId: string): Promise<ChatDocumentEntity | null> {
    return manager.findOne(ChatDocumentEntity, { where: { chatId }, order: { createdAt: 'DESC' } });
  }

  all(manager: EntityManager, id: string): Promise<ChatDocumentEntity[]> {
    return manager.find(ChatDocumentEntity, { where: { id }, order: { createdAt: 'ASC' } });
  }

  async deleteAfter(manager: EntityManager, id: string, timestamp: Date): Promise<number> {
    const result = await manager.delete(ChatDocumentEntity, { id, createdAt: MoreThan(timestamp) });
    return result.affected ?? 0;
  }
}
