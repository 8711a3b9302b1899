import { Injectable } from '@nestjs/common';
import type { Vote, VoteRequest } from '@storyos/contracts';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../../auth/auth-user';
import { ChatAccess } from '../chats/chat-access';
import { ChatErrors } from '../conversation.errors';
import { ChatMessageEntity } from '../entities/chat-message.entity';
import { ChatVoteEntity } from '../entities/chat-vote.entity';

/** Up and down votes on the assistant's replies; only the chat's owner votes and sees them. */
@Injectable()
export class VotesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: ChatAccess,
  ) {}

  async list(user: AuthUser, chatId: string): Promise<Vote[]> {
    await this.access.owned(user, chatId);
    const rows = await this.dataSource.manager.find(ChatVoteEntity, { where: { chatId } });
    return rows.map((row) => ({ chatId: row.chatId, messageId: row.messageId, isUpvoted: row.isUpvoted }));
  }

  async vote(user: AuthUser, { chatId, messageId, type }: VoteRequest): Promise<Vote> {
    await this.access.owned(user, chatId);
    const message = await this.dataSource.manager.findOneBy(ChatMessageEntity, { id: messageId, chatId });
    if (!message) throw ChatErrors.messageNotFound();
    if (message.role !== 'assistant') throw ChatErrors.votesOnlyOnReplies();
    const vote = { chatId, messageId, isUpvoted: type === 'up' };
    await this.dataSource.manager.upsert(ChatVoteEntity, vote, ['chatId', 'messageId']);
    return vote;
  }
}
