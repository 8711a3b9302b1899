import type { GenerationKind } from '@storyos/contracts';
import { documentTitleFromRequest, routeIntent, suggestImprovements, type ChatToolRequest, type SuggestionDraft } from '@storyos/domain';
import { randomUUID } from 'node:crypto';
import type { ChatDocumentEntity } from '../entities/chat-document.entity';
import type { ReplyInput } from './reply-input';
import type { ToolStep } from './reply-steps';

/** What a reply will do: a generation (and the tool step it writes, if any), or the builtin editor's suggestions at once. */
export type ReplyPlan =
  | { kind: 'generation'; generationKind: GenerationKind; input: Omit<ReplyInput, 'messageId' | 'model'>; tool: Omit<ToolStep, 'generationId'> | null }
  | { kind: 'immediate'; tool: Omit<ToolStep, 'generationId'>; document: ChatDocumentEntity; drafts: SuggestionDraft[] };

const toolStep = (toolName: ToolStep['toolName'], documentId: string, input: Record<string, unknown>, toolCallId = `call_${randomUUID()}`): Omit<ToolStep, 'generationId'> => ({
  type: 'tool',
  toolCallId,
  toolName,
  input,
  documentId,
  output: null,
  error: null,
});

/** A model that calls tools decides what the reply does itself: its chat.reply step is offered the tools. */
export const TOOL_CALLING_PLAN: ReplyPlan = { kind: 'generation', generationKind: 'chat.reply', input: { tools: true }, tool: null };

/**
 * Decides what the reply does with the intent router, from the message and
 * the chat's open document: for the builtin engine, and for a model whose
 * server refuses tools.
 */
export function routeReply(text: string, document: ChatDocumentEntity | null, providerName: 'builtin' | 'openai-compatible'): ReplyPlan {
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

/** The step a model's tool call runs: the same tools, with the model's call id and arguments. */
export function toolCallPlan(request: ChatToolRequest, toolCallId: string, document: ChatDocumentEntity | null): Extract<ReplyPlan, { kind: 'generation' }> | null {
  if (request.tool === 'createDocument') {
    const documentId = randomUUID();
    const tool = toolStep('createDocument', documentId, { title: request.title, kind: 'text' }, toolCallId);
    return { kind: 'generation', generationKind: 'chat.document', input: { mode: 'create', documentId, title: request.title }, tool };
  }
  if (!document || document.id !== request.documentId) return null;
  if (request.tool === 'updateDocument') {
    const tool = toolStep('updateDocument', document.id, { id: document.id, description: request.description }, toolCallId);
    return { kind: 'generation', generationKind: 'chat.document', input: { mode: 'update', documentId: document.id, title: document.title, description: request.description }, tool };
  }
  const tool = toolStep('requestSuggestions', document.id, { documentId: document.id }, toolCallId);
  return { kind: 'generation', generationKind: 'chat.suggestions', input: { documentId: document.id, documentCreatedAt: document.createdAt.toISOString() }, tool };
}
