import type { GenerationKind } from '@storyos/contracts';
import { documentTitleFromRequest, routeIntent, suggestImprovements, type SuggestionDraft } from '@storyos/domain';
import { randomUUID } from 'node:crypto';
import type { ChatDocumentEntity } from '../entities/chat-document.entity';
import type { ReplyInput } from './reply-input';
import type { ToolStep } from './reply-steps';

/** What a reply will do: a generation (and the tool step it writes, if any), or the builtin editor's suggestions at once. */
export type ReplyPlan =
  | { kind: 'generation'; generationKind: GenerationKind; input: Omit<ReplyInput, 'messageId' | 'model'>; tool: Omit<ToolStep, 'generationId'> | null }
  | { kind: 'immediate'; tool: Omit<ToolStep, 'generationId'>; document: ChatDocumentEntity; drafts: SuggestionDraft[] };

const toolStep = (toolName: ToolStep['toolName'], documentId: string, input: Record<string, unknown>): Omit<ToolStep, 'generationId'> => ({
  type: 'tool',
  toolCallId: `call_${randomUUID()}`,
  toolName,
  input,
  documentId,
  output: null,
  error: null,
});

/**
 * Decides what the reply does, from the message and the chat's open
 * document. The intent router decides for every provider until the pipeline
 * carries a tool-calling model's calls back to its handler.
 */
export function planReply(text: string, document: ChatDocumentEntity | null, providerName: 'builtin' | 'openai-compatible'): ReplyPlan {
  const { intent } = routeIntent(text, { hasDocument: document !== null });
  if (intent === 'createDocument') {
    const documentId = randomUUID();
    const title = documentTitleFromRequest(text);
    return { kind: 'generation', generationKind: 'chat.document', input: { mode: 'create', documentId, title }, tool: toolStep('createDocument', documentId, { title, kind: 'text' }) };
  }
  // The router only picks these when the chat has a document.
  if (intent === 'updateDocument' && document) {
    const tool = toolStep('updateDocument', document.id, { id: document.id, description: text });
    return { kind: 'generation', generationKind: 'chat.document', input: { mode: 'update', documentId: document.id, title: document.title }, tool };
  }
  if (intent === 'requestSuggestions' && document) {
    const tool = toolStep('requestSuggestions', document.id, { documentId: document.id });
    // The builtin engine cannot write JSON: its editor's rules suggest at once.
    if (providerName === 'builtin') return { kind: 'immediate', tool, document, drafts: suggestImprovements(document.content) };
    return { kind: 'generation', generationKind: 'chat.suggestions', input: { documentId: document.id, documentCreatedAt: document.createdAt.toISOString() }, tool };
  }
  return { kind: 'generation', generationKind: 'chat.reply', input: {}, tool: null };
}
