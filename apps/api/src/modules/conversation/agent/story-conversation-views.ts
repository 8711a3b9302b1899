import { Injectable } from '@nestjs/common';
import type { StoryConversation } from '@storyos/contracts';
import { DataSource, In } from 'typeorm';
import { GenerationEntity } from '../../generation/entities/generation.entity';
import { IllustratedStoryEntity } from '../../stories/illustrated/illustrated-story.entity';
import { StoryConversationMessageEntity } from './story-conversation-message.entity';
import type { StoryConversationEntity } from './story-conversation.entity';
import { toStoryConversation } from './story-conversation.mapper';

/** Reads conversations with their transcripts, reply statuses and the stories made from them, as clients see them. */
@Injectable()
export class StoryConversationViews {
  constructor(private readonly dataSource: DataSource) {}

  async many(conversations: StoryConversationEntity[]): Promise<StoryConversation[]> {
    if (!conversations.length) return [];
    const manager = this.dataSource.manager;
    const ids = conversations.map((conversation) => conversation.id);
    const messages = await manager.find(StoryConversationMessageEntity, { where: { conversationId: In(ids) }, order: { position: 'ASC' } });
    const generationIds = [...messages.map((message) => message.generationId), ...conversations.map((conversation) => conversation.replyGenerationId)].filter((id): id is string => id !== null);
    const generations = generationIds.length ? await manager.find(GenerationEntity, { where: { id: In(generationIds) }, select: { id: true, status: true, text: true } }) : [];
    const byId = new Map(generations.map((generation) => [generation.id, generation]));
    const stories = await manager.find(IllustratedStoryEntity, { where: { conversationId: In(ids) }, order: { createdAt: 'DESC' }, select: { id: true, conversationId: true, createdAt: true } });
    return conversations.map((conversation) =>
      toStoryConversation(
        conversation,
        messages.filter((message) => message.conversationId === conversation.id),
        byId,
        stories.filter((story) => story.conversationId === conversation.id).map((story) => story.id),
      ),
    );
  }

  async one(conversation: StoryConversationEntity): Promise<StoryConversation> {
    return (await this.many([conversation]))[0]!;
  }
}
