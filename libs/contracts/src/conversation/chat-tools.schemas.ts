import { z } from 'zod';
import { UuidSchema } from '../common/common.schemas';

/**
 * The assistant's tools (seed 003's, less the weather): it writes a document
 * beside the chat, revises it, or suggests improvements to it. Each runs as
 * a step of the reply and shows in the message as a tool part.
 */
export const CHAT_TOOL_NAMES = ['createDocument', 'updateDocument', 'requestSuggestions'] as const;
export const ChatToolNameSchema = z.enum(CHAT_TOOL_NAMES);
export type ChatToolName = z.infer<typeof ChatToolNameSchema>;

/** What a document holds; StoryOS writes prose (stories, poems, scenes), so text is the one kind. */
export const DocumentKindSchema = z.enum(['text']);
export type DocumentKind = z.infer<typeof DocumentKindSchema>;

export const CreateDocumentInputSchema = z.object({ title: z.string().min(1).max(200), kind: DocumentKindSchema });
export const UpdateDocumentInputSchema = z.object({ id: UuidSchema, description: z.string().min(1).max(2000) });
export const RequestSuggestionsInputSchema = z.object({ documentId: UuidSchema });

/** What a document tool returns to the conversation (the chatbot's shape). */
export const DocumentToolOutputSchema = z.object({
  id: UuidSchema,
  title: z.string(),
  kind: DocumentKindSchema,
  /** A sentence for the model: what happened to the document. */
  content: z.string(),
});
export type DocumentToolOutput = z.infer<typeof DocumentToolOutputSchema>;

/**
 * Custom data parts of the reply stream, as the chatbot's artifact reads
 * them. All are transient (streamed, not kept in the message): the document
 * itself is fetched from `/api/document` once written.
 */
export const CHAT_DATA_PARTS = {
  /** Which document the following deltas belong to. */
  id: 'data-id',
  title: 'data-title',
  kind: 'data-kind',
  /** The document is being written anew: clear what is shown. */
  clear: 'data-clear',
  /** More document text. */
  textDelta: 'data-textDelta',
  /** One suggestion for the open document. */
  suggestion: 'data-suggestion',
  /** The document is written. */
  finish: 'data-finish',
} as const;

/**
 * Set on a text part's `providerMetadata` when that text was given up: the
 * provider failed mid-reply and the step is being written again. Clients
 * hide it; the stored message never holds it.
 */
export const DISCARDED_TEXT_METADATA = { storyos: { discarded: true } } as const;
