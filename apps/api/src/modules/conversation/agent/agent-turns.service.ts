import { Injectable } from '@nestjs/common';
import { isTerminalStatus, MAX_CONVERSATION_MESSAGES, type ConversationMessageAccepted, type ConversationRequirementsState } from '@storyos/contracts';
import { extractRequirements } from '@storyos/domain';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../../auth/auth-user';
import { GenerationEntity } from '../../generation/entities/generation.entity';
import { GenerationsService } from '../../generation/generations.service';
import { AgentErrors } from './agent.errors';
import { conversationTarget, RequirementsPublisher } from './requirements-publisher';
import { StoryConversationMessageEntity } from './story-conversation-message.entity';
import { StoryConversationsService } from './story-conversations.service';
import { StoryConversationEntity } from './story-conversation.entity';
import { toRequirementsState } from './story-conversation.mapper';

/** What the reply step needs to know about its turn. */
export interface AgentReplyInput {
  userMessageId: string;
  /** The requirements before the message was read, so the reply can say what it understood. */
  before: ConversationRequirementsState['requirements'];
}

/**
 * One turn: the user's message is stored and read into the requirements at
 * once by the rule-based extractor (the panel fills in before the reply
 * starts), and the agent's reply starts as a text generation (`create.agent`),
 * streamed and stoppable like any other. With a real model, a JSON step
 * reads the requirements again after the reply (AgentReplyHandler).
 */
@Injectable()
export class AgentTurns {
  constructor(
    private readonly dataSource: DataSource,
    private readonly generations: GenerationsService,
    private readonly conversations: StoryConversationsService,
    private readonly publisher: RequirementsPublisher,
  ) {}

  async send(user: AuthUser, conversationId: string, text: string): Promise<ConversationMessageAccepted> {
    // Refused before the quota is charged when it can be told at once.
    await this.conversations.owned(this.dataSource.manager, user, conversationId);
    const { generation, result } = await this.generations.start(user, { kind: 'create.agent', target: conversationTarget(conversationId), input: {} }, async (manager, reply) => {
      const conversation = await this.conversations.owned(manager, user, conversationId, true);
      if (conversation.replyGenerationId) {
        const running = await manager.findOneBy(GenerationEntity, { id: conversation.replyGenerationId });
        if (running && !isTerminalStatus(running.status)) throw AgentErrors.busy();
      }
      const count = await manager.countBy(StoryConversationMessageEntity, { conversationId });
      if (count + 2 > MAX_CONVERSATION_MESSAGES) throw AgentErrors.full(MAX_CONVERSATION_MESSAGES);
      const before = conversation.requirements;
      const after = extractRequirements(before, text);
      const changed = JSON.stringify(after) !== JSON.stringify(before);
      const version = changed ? conversation.version + 1 : conversation.version;
      const userMessage = await manager.save(manager.create(StoryConversationMessageEntity, { conversationId, position: count, role: 'user', text, generationId: null }));
      const replyMessage = await manager.save(manager.create(StoryConversationMessageEntity, { conversationId, position: count + 1, role: 'agent', text: '', generationId: reply.id }));
      await manager.update(StoryConversationEntity, { id: conversationId }, { requirements: after, version, replyGenerationId: reply.id });
      await manager.update(GenerationEntity, { id: reply.id }, { input: { userMessageId: userMessage.id, before } satisfies AgentReplyInput });
      reply.input = { userMessageId: userMessage.id, before };
      const state = toRequirementsState(Object.assign(conversation, { requirements: after, version }));
      return { userMessageId: userMessage.id, replyMessageId: replyMessage.id, state };
    });
    this.publisher.publish(user.id, result!.state);
    return { conversationId, generationId: generation.id, userMessageId: result!.userMessageId, replyMessageId: result!.replyMessageId };
  }
}
