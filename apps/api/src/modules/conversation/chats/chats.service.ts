import { Injectable } from '@nestjs/common';
import type { ChatDetail, ChatSummary, ChatVisibility, DeletedCount, HistoryPage, HistoryQuery } from '@storyos/contracts';
import { PinoLogger } from 'nestjs-pino';
import { DataSource, In } from 'typeorm';
import type { AuthUser } from '../../auth/auth-user';
import { GenerationsService } from '../../generation/generations.service';
import { StopSignals } from '../../generation/stream/stop-signals';
import { MediaService } from '../../media/media.service';
import { ChatErrors } from '../conversation.errors';
import { ChatEntity } from '../entities/chat.entity';
import { ChatMessageEntity } from '../entities/chat-message.entity';
import { ChatAccess } from './chat-access';
import { toChatMessage, toChatSummary } from './chat.mapper';

/** Reading, listing, sharing, stopping and deleting chats. */
@Injectable()
export class ChatsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: ChatAccess,
    private readonly generations: GenerationsService,
    private readonly stops: StopSignals,
    private readonly media: MediaService,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext(ChatsService.name);
  }

  async detail(user: AuthUser, id: string): Promise<ChatDetail> {
    const chat = await this.access.readable(user, id);
    const messages = await this.dataSource.manager.find(ChatMessageEntity, { where: { chatId: id }, order: { position: 'ASC' } });
    return {
      chat: { ...toChatSummary(chat), model: chat.model, isOwner: chat.userId === user.id, isReplying: chat.activeMessageId !== null },
      messages: messages.map(toChatMessage),
    };
  }

  /**
   * My chats, newest first. `starting_after` pages towards newer chats than
   * the one named, `ending_before` towards older ones (the chatbot's cursors).
   */
  async history(user: AuthUser, query: HistoryQuery): Promise<HistoryPage> {
    const manager = this.dataSource.manager;
    const cursorId = query.starting_after ?? query.ending_before;
    const newer = query.starting_after !== undefined;
    const rows = manager.createQueryBuilder(ChatEntity, 'chat').where('chat.user_id = :userId', { userId: user.id });
    if (cursorId) {
      if (!(await manager.existsBy(ChatEntity, { id: cursorId, userId: user.id }))) throw ChatErrors.cursorNotFound(newer ? 'starting_after' : 'ending_before');
      // Compared in the database, at its own (microsecond) precision; the id breaks ties.
      rows.andWhere(`(chat.created_at, chat.id) ${newer ? '>' : '<'} (SELECT c.created_at, c.id FROM chats c WHERE c.id = :cursorId)`, { cursorId });
    }
    const direction = newer ? 'ASC' : 'DESC';
    const found = await rows.orderBy('chat.created_at', direction).addOrderBy('chat.id', direction).take(query.limit + 1).getMany();
    const hasMore = found.length > query.limit;
    const page = found.slice(0, query.limit);
    // Towards newer chats the nearest come first from the database; the page still reads newest first.
    if (newer) page.reverse();
    return { chats: page.map(toChatSummary), hasMore };
  }

  /** Only the owner changes it; the chat's pictures follow. */
  async setVisibility(user: AuthUser, id: string, visibility: ChatVisibility): Promise<ChatSummary> {
    return this.dataSource.transaction(async (manager) => {
      const chat = await this.access.lockOwnedOrNone(manager, user, id);
      if (!chat) throw ChatErrors.chatNotFound();
      await manager.update(ChatEntity, { id }, { visibility });
      await this.media.setPublicFor({ type: 'chat', id }, visibility === 'public', manager);
      return toChatSummary({ ...chat, visibility });
    });
  }

  /** Stops the reply being written; what it wrote so far is kept. */
  async stop(user: AuthUser, id: string): Promise<void> {
    const chat = await this.access.owned(user, id);
    const message = chat.activeMessageId ? await this.dataSource.manager.findOneBy(ChatMessageEntity, { id: chat.activeMessageId }) : null;
    if (!message?.generationId) throw ChatErrors.nothingToStop();
    await this.generations.stop(user, message.generationId);
  }

  /** One chat with its messages, votes and documents; a reply being written is stopped. */
  async delete(user: AuthUser, id: string): Promise<ChatSummary> {
    const chat = await this.access.owned(user, id);
    await this.stopReplies([chat]);
    await this.dataSource.manager.delete(ChatEntity, { id, userId: user.id });
    return toChatSummary(chat);
  }

  async deleteAll(user: AuthUser): Promise<DeletedCount> {
    const chats = await this.dataSource.manager.findBy(ChatEntity, { userId: user.id });
    await this.stopReplies(chats);
    const result = await this.dataSource.manager.delete(ChatEntity, { userId: user.id });
    return { deleted: result.affected ?? 0 };
  }

  private async stopReplies(chats: ChatEntity[]): Promise<void> {
    const active = chats.flatMap((chat) => (chat.activeMessageId ? [chat.activeMessageId] : []));
    if (active.length === 0) return;
    const messages = await this.dataSource.manager.find(ChatMessageEntity, { where: { id: In(active) } });
    for (const message of messages) {
      if (!message.generationId) continue;
      // The flag reaches the worker wherever it runs; a reply whose chat is gone finds nothing to store.
      await this.stops.request(message.generationId).catch((error: unknown) => this.logger.warn({ err: error, generationId: message.generationId }, 'Could not ask a deleted chat’s reply to stop'));
    }
  }
}
