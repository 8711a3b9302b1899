import { z } from 'zod';
import { TimestampSchema, UuidSchema } from '../common/common.schemas';
import { userText } from '../common/text.schemas';
import { DocumentKindSchema } from './chat-tools.schemas';

/** The longest document, in characters. */
export const MAX_DOCUMENT_CHARS = 200_000;

/** One version of a document; versions share the id and differ by `createdAt`. */
export const DocumentVersionSchema = z.object({
  id: UuidSchema,
  createdAt: TimestampSchema,
  title: z.string(),
  kind: DocumentKindSchema,
  content: z.string(),
  chatId: UuidSchema,
  userId: UuidSchema,
});
export type DocumentVersion = z.infer<typeof DocumentVersionSchema>;

export const DocumentIdQuerySchema = z.strictObject({ id: UuidSchema });

/** `DELETE /api/document?id=&timestamp=`: removes the versions made after `timestamp`. */
export const DeleteDocumentVersionsQuerySchema = z.strictObject({ id: UuidSchema, timestamp: TimestampSchema });

/** `POST /api/document?id=`: a new version, written by the user. */
export const SaveDocumentRequestSchema = z.strictObject({
  title: userText('The title', { max: 200 }),
  content: z.string().max(MAX_DOCUMENT_CHARS, { message: `The document must be at most ${MAX_DOCUMENT_CHARS.toLocaleString('en-US')} characters` }),
  kind: DocumentKindSchema,
  /** The version edited from (its `createdAt`); a newer one is answered 409 with it in `details.current`. Omitted: saved over whatever is newest. */
  baseVersion: TimestampSchema.max(40).optional(),
});
export type SaveDocumentRequest = z.infer<typeof SaveDocumentRequestSchema>;

export const SuggestionSchema = z.object({
  id: UuidSchema,
  documentId: UuidSchema,
  /** The document version it was made for. */
  documentCreatedAt: TimestampSchema,
  originalText: z.string(),
  suggestedText: z.string(),
  description: z.string(),
  isResolved: z.boolean(),
  createdAt: TimestampSchema,
});
export type Suggestion = z.infer<typeof SuggestionSchema>;

export const SuggestionsQuerySchema = z.strictObject({ documentId: UuidSchema });

/** Accepting applies the suggestion as a new version of the document; rejecting only resolves it. */
export const ResolveSuggestionRequestSchema = z.strictObject({ action: z.enum(['accept', 'reject']) });
export type ResolveSuggestionRequest = z.infer<typeof ResolveSuggestionRequestSchema>;

export const ResolveSuggestionResponseSchema = z.object({
  suggestion: SuggestionSchema,
  /** The new version when accepted. */
  document: DocumentVersionSchema.nullable(),
});
export type ResolveSuggestionResponse = z.infer<typeof ResolveSuggestionResponseSchema>;

/** What the suggestions step asks a model for, as JSON. */
export const SuggestionDraftsSchema = z.object({
  suggestions: z
    .array(
      z.object({
        originalSentence: z.string().trim().min(1).max(2000),
        suggestedSentence: z.string().trim().min(1).max(2000),
        description: z.string().trim().min(1).max(500),
      }),
    )
    .max(10),
});
export type SuggestionDrafts = z.infer<typeof SuggestionDraftsSchema>;
