import { Injectable } from '@nestjs/common';
import { EMPTY_STORY_REQUIREMENTS, type ConversationNarrationAccepted, type ConversationRequirementsState, type StoryConversation, type StoryRequirements } from '@storyos/contracts';
import { builtinAgentReply } from '@storyos/domain';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthUser } from '../../auth/auth-user';
import { GenerationsService } from '../../generation/generations.service';
import { AgentErrors } from './agent.errors';
import { conversationTarget, RequirementsPublisher } from './requirements-publisher';
import { StoryConversationMessageEntity } from './story-conversation-message.entity';
import { StoryConversationViews } from './story-conversation-views';
import { StoryConversationEntity } from './story-conversation.entity';
import { toRequirementsState } from './story-conversation.mapper';

/**
 * Create conversations: start one (the agent greets and asks its first
 * question, without a generation: nothing is known yet to reply to), read,
 * list as history, edit the requirements by hand, delete, and have a reply
 * read aloud. Messages go through AgentTurns.
 */
@Injectable()
export class StoryConversationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly views: StoryConversationViews,
    private readonly generations: GenerationsService,
    private readonly publisher: RequirementsPublisher,
  ) {}

  async start(user: AuthUser): Promise<StoryConversation> {
    const conversation = await this.dataSource.transaction(async (manager) => {
      const row = await manager.save(manager.create(StoryConversationEntity, { ownerId: user.id, requirements: EMPTY_STORY_REQUIREMENTS, version: 1, replyGenerationId: null }));
      await manager.insert(StoryConversationMessageEntity, { conversationId: row.id, position: 0, role: 'agent', text: builtinAgentReply(EMPTY_STORY_REQUIREMENTS, EMPTY_STORY_REQUIREMENTS), generationId: null });
      return row;
    });
    return this.views.one(conversation);
  }

  /** My latest conversations, newest activity first, each with its transcript and requirements. */
  async history(user: AuthUser, limit: number): Promise<StoryConversation[]> {
    const rows = await this.dataSource.manager.find(StoryConversationEntity, { where: { ownerId: user.id }, order: { updatedAt: 'DESC' }, take: limit });
    return this.views.many(rows);
  }

  async get(user: AuthUser, id: string): Promise<StoryConversation> {
    return this.views.one(await this.owned(this.dataSource.manager, user, id));
  }

  /** A hand edit from the version the user saw; a stale one is refused with the current requirements, to choose from. */
  async updateRequirements(user: AuthUser, id: string, requirements: StoryRequirements, baseVersion: number): Promise<ConversationRequirementsState> {
    const state = await this.dataSource.transaction(async (manager) => {
      const conversation = await this.owned(manager, user, id, true);
      if (conversation.version !== baseVersion) throw AgentErrors.changedMeanwhile(toRequirementsState(conversation));
      Object.assign(conversation, { requirements, version: conversation.version + 1 });
      await manager.update(StoryConversationEntity, { id: conversation.id }, { requirements, version: conversation.version });
      return toRequirementsState(conversation);
    });
    this.publisher.publish(user.id, state);
    return state;
  }

  /** Stops a reply being written, then removes the conversation; stories made from it stay. */
  async delete(user: AuthUser, id: string): Promise<void> {
    const conversation = await this.owned(this.dataSource.manager, user, id);
    if (conversation.replyGenerationId) await this.generations.stop(user, conversation.replyGenerationId).catch(() => undefined);
    await this.dataSource.manager.delete(StoryConversationEntity, { id: conversation.id, ownerId: user.id });
  }

  /** One of the agent's messages read aloud: a narration step, followed like any generation. */
  async narrate(user: AuthUser, id: string, messageId: string): Promise<ConversationNarrationAccepted> {
    const conversation = await this.owned(this.dataSource.manager, user, id);
    const message = await this.dataSource.manager.findOneBy(StoryConversationMessageEntity, { id: messageId, conversationId: conversation.id });
    if (!message) throw AgentErrors.messageNotFound();
    if (message.role !== 'agent') throw AgentErrors.notAReply();
    if (!message.text.trim()) throw AgentErrors.replyNotWritten();
    const { generation } = await this.generations.start(user, { kind: 'create.agent.narration', target: conversationTarget(conversation.id), input: { messageId: message.id } });
    return { generationId: generation.id };
  }

  async owned(manager: EntityManager, user: AuthUser, id: string, lock = false): Promise<StoryConversationEntity> {
    const conversation = await manager.findOne(StoryConversationEntity, { where: { id, ownerId: user.id }, ...(lock && { lock: { mode: 'pessimistic_write' as const } }) });
    if (!conversation) throw AgentErrors.conversationNotFound();
    return conversation;
  }
}
