import type { CreateTurn } from '@storyos/domain';
import type { EntityManager } from 'typeorm';
import { LessThan } from 'typeorm';
import { StoryConversationMessageEntity } from './story-conversation-message.entity';

/** A turn's user message and everything said before it, as prompt turns (empty replies left out). */
export async function turnContext(manager: EntityManager, conversationId: string, userMessageId: string): Promise<{ userMessage: string; transcript: CreateTurn[] } | null> {
  const message = await manager.findOneBy(StoryConversationMessageEntity, { id: userMessageId, conversationId });
  if (!message) return null;
  const earlier = await manager.find(StoryConversationMessageEntity, { where: { conversationId, position: LessThan(message.position) }, order: { position: 'ASC' } });
  return {
    userMessage: message.text,
    transcript: earlier.filter((item) => item.text.trim()).map((item) => ({ role: item.role === 'agent' ? 'assistant' : 'user', text: item.text })),
  };
}
