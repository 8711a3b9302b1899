import type { DocumentVersion, Suggestion } from '@storyos/contracts';
import type { ChatDocumentEntity } from '../entities/chat-document.entity';
import type { ChatSuggestionEntity } from '../entities/chat-suggestion.entity';

export function toDocumentVersion(row: ChatDocumentEntity): DocumentVersion {
  return { id: row.id, createdAt: row.createdAt.toISOString(), title: row.title, kind: row.kind, content: row.content, chatId: row.chatId, userId: row.userId };
}

export function toSuggestion(row: ChatSuggestionEntity): Suggestion {
  return {
    id: row.id,
    documentId: row.documentId,
    documentCreatedAt: row.documentCreatedAt.toISOString(),
    originalText: row.originalText,
    suggestedText: row.suggestedText,
    description: row.description,
    isResolved: row.isResolved,
    createdAt: row.createdAt.toISOString(),
  };
}
