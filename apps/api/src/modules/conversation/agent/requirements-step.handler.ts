import { Injectable } from '@nestjs/common';
import { parseExtractedRequirements, requirementsExtractionPlan, type PromptPlan } from '@storyos/domain';
import { UnrecoverableError } from 'bullmq';
import { PinoLogger } from 'nestjs-pino';
import { DataSource, type EntityManager } from 'typeorm';
import type { GenerationEntity } from '../../generation/entities/generation.entity';
import type { GenerationHandler } from '../../generation/handlers/generation-handler';
import { turnContext } from './agent-transcript';
import type { RequirementsStepInput } from './requirements-follow-up';
import { RequirementsPublisher } from './requirements-publisher';
import { StoryConversationEntity } from './story-conversation.entity';
import { toRequirementsState } from './story-conversation.mapper';

/**
 * create.requirements: a real model reads the turn's message into the
 * requirements as JSON, validated against the contract. JSON in a code fence
 * or with prose around it is read; a reply that is not the JSON asked for is
 * shown its problems and written once more; if that fails too, the
 * requirements the rules read stay (the step fails quietly, the conversation
 * goes on). A hand edit or a newer turn since the step started wins over it.
 */
@Injectable()
export class RequirementsStepHandler implements GenerationHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly publisher: RequirementsPublisher,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext(RequirementsStepHandler.name);
  }

  async buildPrompt(generation: GenerationEntity): Promise<PromptPlan> {
    const manager = this.dataSource.manager;
    const input = generation.input as unknown as RequirementsStepInput;
    const conversation = await manager.findOneBy(StoryConversationEntity, { id: generation.targetId });
    const turn = conversation ? await turnContext(manager, conversation.id, input.userMessageId) : null;
    if (!conversation || !turn) throw new UnrecoverableError(`Generation ${generation.id} lost its conversation`);
    return requirementsExtractionPlan({ current: conversation.requirements, transcript: turn.transcript, userMessage: turn.userMessage });
  }

  async onFinished(generation: GenerationEntity, manager: EntityManager): Promise<void> {
    const input = generation.input as unknown as RequirementsStepInput;
    const conversation = await manager.findOne(StoryConversationEntity, { where: { id: generation.targetId }, lock: { mode: 'pessimistic_write' } });
    if (!conversation || generation.status !== 'completed') return;
    const read = parseExtractedRequirements(generation.text, conversation.requirements);
    const log = { generationId: generation.id, userId: generation.ownerId, conversationId: conversation.id };
    if (!read) return this.logger.warn(log, 'Requirements reply unreadable; the rule-based requirements stand');
    if (conversation.version !== input.baseVersion) return this.logger.info(log, 'Requirements changed while the step ran; its reading is dropped');
    if (JSON.stringify(read) === JSON.stringify(conversation.requirements)) return;
    await manager.update(StoryConversationEntity, { id: conversation.id }, { requirements: read, version: conversation.version + 1 });
  }

  /** Every turn ends with the requirements pushed, changed or not. */
  async afterFinished(generation: GenerationEntity): Promise<void> {
    const conversation = await this.dataSource.manager.findOneBy(StoryConversationEntity, { id: generation.targetId });
    if (conversation) this.publisher.publish(conversation.ownerId, toRequirementsState(conversation));
  }
}
