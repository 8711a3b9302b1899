import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import type { AuthUser } from '../../auth/auth-user';
import { ChatErrors } from '../conversation.errors';
import { ChatEntity } from '../entities/chat.entity';

/** Who may do what with a chat: its owner everything; anyone signed in may read a public one; nobody else learns it exists. */
@Injectable()
export class ChatAccess {
  constructor(@InjectRepository(ChatEntity) private readonly chats: Repository<ChatEntity>) {}

  async readable(user: AuthUser, id: string): Promise<ChatEntity> {
    const chat = await this.chats.findOneBy({ id });
    if (!chat || (chat.userId !== user.id && chat.visibility !== 'public')) throw ChatErrors.chatNotFound();
    return chat;
  }

  /** The owner's chat; someone else's public one is read-only (403), a private one missing (404). */
  async owned(user: AuthUser, id: string): Promise<ChatEntity> {
    const chat = await this.readable(user, id);
    if (chat.userId !== user.id) throw ChatErrors.readOnly();
    return chat;
  }

  /** The owner's chat, locked for the rest of the transaction; null when it does not exist yet. */
  async lockOwnedOrNone(manager: EntityManager, user: AuthUser, id: string): Promise<ChatEntity | null> {
    const chat = await manager.findOne(ChatEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!chat) return null;
    if (chat.userId !== user.id) throw chat.visibility === 'public' ? ChatErrors.readOnly() : ChatErrors.chatNotFound();
    return chat;
  }
}
