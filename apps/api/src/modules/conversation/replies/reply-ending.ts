import type { ChatReplyStatus, GenerationStatus } from '@storyos/contracts';
import type { EntityManager } from 'typeorm';
import { ChatEntity } from '../entities/chat.entity';
import { ChatMessageEntity } from '../entities/chat-message.entity';
import { partsOfSteps, stepsValue, type ReplyStep } from './reply-steps';

/** A reply's final steps, parts and status, and its chat free for the next message, in the caller's transaction. */
export async function endReply(manager: EntityManager, message: ChatMessageEntity, steps: ReplyStep[], status: ChatReplyStatus, error: string | null): Promise<void> {
  await manager.update(ChatMessageEntity, { id: message.id }, { steps: stepsValue(steps), parts: partsOfSteps(steps), status, error });
  await manager.update(ChatEntity, { id: message.chatId, activeMessageId: message.id }, { activeMessageId: null, updatedAt: new Date() });
}

/** The reply status a generation's ending gives. */
export function replyStatusOf(status: GenerationStatus): ChatReplyStatus {
  return status === 'completed' || status === 'stopped' || status === 'failed' ? status : 'failed';
}

/** The text of a stored message, as the prompt sees it. */
export function textOfMessage(message: Pick<ChatMessageEntity, 'parts'>): string {
  return message.parts.flatMap((part) => (part.type === 'text' ? [part.text] : [])).join('\n\n');
}

export function picturesOfMessage(message: Pick<ChatMessageEntity, 'parts'>): number {
  return message.parts.filter((part) => part.type === 'file').length;
}
