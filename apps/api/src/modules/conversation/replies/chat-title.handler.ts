import { Injectable } from '@nestjs/common';
import { chatTitlePlan, cleanGeneratedTitle, type PromptPlan } from '@storyos/domain';
import { UnrecoverableError } from 'bullmq';
import { DataSource, type EntityManager } from 'typeorm';
import type { GenerationEntity } from '../../generation/entities/generation.entity';
import type { GenerationHandler } from '../../generation/handlers/generation-handler';
import { ChatEntity } from '../entities/chat.entity';
import { ChatMessageEntity } from '../entities/chat-message.entity';
import { textOfMessage } from './reply-ending';
import { replyInputOf } from './reply-input';

/** chat.title: a model names a new chat from its first message; until then (and if it fails) the message's first line names it. */
@Injectable()
export class ChatTitleHandler implements GenerationHandler {
  constructor(private readonly dataSource: DataSource) {}

  async buildPrompt(generation: GenerationEntity): Promise<PromptPlan> {
    const { messageId, model } = replyInputOf(generation);
    const first = await this.dataSource.manager.findOneBy(ChatMessageEntity, { id: messageId });
    if (!first) throw new UnrecoverableError('The chat no longer exists.');
    return { ...chatTitlePlan(textOfMessage(first)), ...(model && { model }) };
  }

  async onFinished(generation: GenerationEntity, manager: EntityManager): Promise<void> {
    if (generation.status !== 'completed') return;
    const title = cleanGeneratedTitle(generation.text);
    if (title) await manager.update(ChatEntity, { id: generation.targetId }, { title });
  }
}
