import { Injectable } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../../auth/auth-user';
import type { GenerationEntity } from '../../generation/entities/generation.entity';
import { GenerationsService } from '../../generation/generations.service';
import type { AgentReplyInput } from './agent-turns.service';
import { conversationTarget } from './requirements-publisher';
import { StoryConversationEntity } from './story-conversation.entity';

/** What the requirements step reads, and the version it may replace (a hand edit or a newer turn since wins). */
export interface RequirementsStepInput {
  userMessageId: string;
  baseVersion: number;
}

/**
 * After a completed reply from a real model, a JSON step reads the turn's
 * message into the requirements (as the game's world-state step follows a
 * turn). It is part of the turn already counted, so it is free.
 */
@Injectable()
export class RequirementsFollowUp {
  constructor(
    private readonly generations: GenerationsService,
    private readonly dataSource: DataSource,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext(RequirementsFollowUp.name);
  }

  async start(reply: GenerationEntity): Promise<void> {
    const conversation = await this.dataSource.manager.findOneBy(StoryConversationEntity, { id: reply.targetId });
    if (!conversation) return;
    // Only the id matters when no quota is charged.
    const owner: AuthUser = { id: reply.ownerId, role: 'user', isGuest: false };
    const input: RequirementsStepInput = { userMessageId: (reply.input as unknown as AgentReplyInput).userMessageId, baseVersion: conversation.version };
    try {
      await this.generations.start(owner, { kind: 'create.requirements', target: conversationTarget(conversation.id), input: { ...input } }, undefined, { chargeQuota: false });
    } catch (error) {
      // The rule-based requirements stand; the conversation goes on.
      this.logger.error({ err: error, generationId: reply.id, userId: reply.ownerId, conversationId: conversation.id }, 'Could not start the requirements step');
    }
  }
}
