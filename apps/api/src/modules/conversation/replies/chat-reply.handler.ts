import { Injectable } from '@nestjs/common';
import { chatReplyPlan, type PromptPlan } from '@storyos/domain';
import { UnrecoverableError } from 'bullmq';
import { DataSource, LessThan, type EntityManager } from 'typeorm';
import type { GenerationEntity } from '../../generation/entities/generation.entity';
import type { GenerationHandler } from '../../generation/handlers/generation-handler';
import { DocumentVersions } from '../documents/document-versions';
import { ChatMessageEntity } from '../entities/chat-message.entity';
import { endReply, picturesOfMessage, replyStatusOf, textOfMessage } from './reply-ending';
import type { ReplyStep } from './reply-steps';
import { replyInputOf } from './reply-input';

/** chat.reply: the assistant's answer, from the chat so far and the open document. */
@Injectable()
export class ChatReplyHandler implements GenerationHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly versions: DocumentVersions,
  ) {}

  async buildPrompt(generation: GenerationEntity): Promise<PromptPlan> {
    const { messageId } = replyInputOf(generation);
    const manager = this.dataSource.manager;
    const reply = await manager.findOneBy(ChatMessageEntity, { id: messageId });
    if (!reply) throw new UnrecoverableError('The chat no longer exists.');
    const earlier = await manager.find(ChatMessageEntity, { where: { chatId: reply.chatId, position: LessThan(reply.position) }, order: { position: 'ASC' } });
    const document = await this.versions.latestOfChat(manager, reply.chatId);
    return chatReplyPlan({
      // Replies that failed or were stopped empty say nothing worth building on.
      turns: earlier.flatMap((message) => {
        const text = textOfMessage(message);
        return text ? [{ role: message.role, text, pictures: picturesOfMessage(message) }] : [];
      }),
      document: document ? { title: document.title, content: document.content } : null,
    });
  }

  async onFinished(generation: GenerationEntity, manager: EntityManager): Promise<void> {
    const message = await manager.findOneBy(ChatMessageEntity, { generationId: generation.id });
    if (!message) return; // the chat was deleted, or the message edited away, meanwhile
    const steps = message.steps.map((step): ReplyStep => (step.type === 'text' && step.generationId === generation.id ? { ...step, text: generation.text } : step));
    await endReply(manager, message, steps, replyStatusOf(generation.status), generation.status === 'failed' ? generation.error : null);
  }
}
