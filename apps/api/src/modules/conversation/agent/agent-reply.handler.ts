import { Injectable } from '@nestjs/common';
import { agentReplyPlan, type PromptPlan } from '@storyos/domain';
import { UnrecoverableError } from 'bullmq';
import { DataSource, type EntityManager } from 'typeorm';
import type { GenerationEntity } from '../../generation/entities/generation.entity';
import type { GenerationHandler } from '../../generation/handlers/generation-handler';
import { turnContext } from './agent-transcript';
import type { AgentReplyInput } from './agent-turns.service';
import { RequirementsFollowUp } from './requirements-follow-up';
import { StoryConversationMessageEntity } from './story-conversation-message.entity';
import { StoryConversationEntity } from './story-conversation.entity';

/**
 * create.agent: the agent's reply to a message — what it understood, then
 * the next one or two questions (or "Make my story" once the requirements
 * are complete). Its text is stored on its message when it ends (a stopped
 * reply keeps what it said). With a real model, the requirements JSON step
 * follows a completed reply.
 */
@Injectable()
export class AgentReplyHandler implements GenerationHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly followUp: RequirementsFollowUp,
  ) {}

  async buildPrompt(generation: GenerationEntity): Promise<PromptPlan> {
    const manager = this.dataSource.manager;
    const input = generation.input as unknown as AgentReplyInput;
    const conversation = await manager.findOneBy(StoryConversationEntity, { id: generation.targetId });
    const turn = conversation ? await turnContext(manager, conversation.id, input.userMessageId) : null;
    if (!conversation || !turn) throw new UnrecoverableError(`Generation ${generation.id} lost its conversation`);
    return agentReplyPlan({ before: input.before, requirements: conversation.requirements, transcript: turn.transcript, userMessage: turn.userMessage });
  }

  async onFinished(generation: GenerationEntity, manager: EntityManager): Promise<void> {
    await manager.update(StoryConversationMessageEntity, { generationId: generation.id }, { text: generation.status === 'failed' ? '' : generation.text.trim() });
    await manager.update(StoryConversationEntity, { id: generation.targetId, replyGenerationId: generation.id }, { replyGenerationId: null });
  }

  async afterFinished(generation: GenerationEntity): Promise<void> {
    // The builtin engine's requirements were read by the rules when the message arrived.
    if (generation.status === 'completed' && generation.provider !== 'builtin') await this.followUp.start(generation);
  }
}
