import type { ChatMessage, ChatSummary } from '@storyos/contracts';
import type { ChatEntity } from '../entities/chat.entity';
import type { ChatMessageEntity } from '../entities/chat-message.entity';

export function toChatSummary(chat: ChatEntity): ChatSummary {
  return { id: chat.id, title: chat.title, visibility: chat.visibility, createdAt: chat.createdAt.toISOString(), updatedAt: chat.updatedAt.toISOString() };
}

export function toChatMessage(message: ChatMessageEntity): ChatMessage {
  const attachments = message.parts.flatMap((part) => (part.type === 'file' ? [{ url: part.url, name: part.filename ?? null, contentType: part.mediaType }] : []));
  return {
    id: message.id,
    role: message.role,
    parts: message.parts,
    attachments,
    metadata: { createdAt: message.createdAt.toISOString(), status: message.status, error: message.error },
  };
}
