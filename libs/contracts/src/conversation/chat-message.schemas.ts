import { z } from 'zod';
import { TimestampSchema, UuidSchema } from '../common/common.schemas';
import { userText } from '../common/text.schemas';
import { UploadContentTypeSchema } from '../media/media.schemas';
import { CreateDocumentInputSchema, DocumentToolOutputSchema, RequestSuggestionsInputSchema, UpdateDocumentInputSchema } from './chat-tools.schemas';

/** The longest message a user may send, in characters. */
export const MAX_CHAT_MESSAGE_CHARS = 4000;
/** Pictures one message may carry. */
export const MAX_CHAT_ATTACHMENTS = 4;

/** A media URL as the API gives it out: `/api/media/<id>` (absolute or relative). */
export const MEDIA_URL_PATTERN = /^(?:https?:\/\/[^/\s]+)?\/api\/media\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/** The media id inside a media URL, or null when it is not one of ours. */
export function mediaIdOfUrl(url: string): string | null {
  return MEDIA_URL_PATTERN.exec(url)?.[1]?.toLowerCase() ?? null;
}

export const TextPartSchema = z.object({ type: z.literal('text'), text: z.string() });

/** A picture the user uploaded first (`POST /api/files/upload`), referred to by its URL. */
export const FilePartSchema = z.object({
  type: z.literal('file'),
  mediaType: UploadContentTypeSchema,
  url: z.string().max(500).regex(MEDIA_URL_PATTERN, { message: 'must be the url of an uploaded file (/api/media/<id>)' }),
  filename: z.string().max(200).optional(),
});
export type FilePart = z.infer<typeof FilePartSchema>;

/** What a user's message may hold: text, and pictures uploaded first. */
export const UserMessagePartSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), text: userText('The message', { max: MAX_CHAT_MESSAGE_CHARS }) }),
  FilePartSchema,
]);
export type UserMessagePart = z.infer<typeof UserMessagePartSchema>;

/** A user's message as the AI SDK sends it; its id is the client's (a UUID). */
export const UserMessageInputSchema = z.object({
  id: UuidSchema,
  role: z.literal('user', { message: 'Only user messages can be sent' }),
  parts: z
    .array(UserMessagePartSchema)
    .min(1, { message: 'A message needs some text' })
    .max(MAX_CHAT_ATTACHMENTS + 1)
    .refine((parts) => parts.filter((part) => part.type === 'text').length === 1, { message: 'A message has exactly one text part' })
    .refine((parts) => parts.filter((part) => part.type === 'file').length <= MAX_CHAT_ATTACHMENTS, { message: `At most ${MAX_CHAT_ATTACHMENTS} pictures per message` }),
  /** Sent by some AI SDK clients; ignored. */
  metadata: z.unknown().optional(),
});
export type UserMessageInput = z.infer<typeof UserMessageInputSchema>;

const toolPart = <N extends string, I extends z.ZodType>(name: N, input: I) =>
  z.object({
    type: z.literal(`tool-${name}`),
    toolCallId: z.string(),
    state: z.enum(['input-available', 'output-available', 'output-error']),
    input,
    output: DocumentToolOutputSchema.optional(),
    errorText: z.string().optional(),
  });

/** A part of a stored message, as the AI SDK's UI messages have them. */
export const ChatMessagePartSchema = z.discriminatedUnion('type', [
  TextPartSchema,
  FilePartSchema.extend({ mediaType: z.string() }),
  z.object({ type: z.literal('step-start') }),
  toolPart('createDocument', CreateDocumentInputSchema),
  toolPart('updateDocument', UpdateDocumentInputSchema),
  toolPart('requestSuggestions', RequestSuggestionsInputSchema),
]);
export type ChatMessagePart = z.infer<typeof ChatMessagePartSchema>;

/** queued/streaming while the reply is written; how it ended after. Null for the user's messages. */
export const ChatReplyStatusSchema = z.enum(['streaming', 'completed', 'stopped', 'failed']);
export type ChatReplyStatus = z.infer<typeof ChatReplyStatusSchema>;

export const ChatMessageMetadataSchema = z.object({
  createdAt: TimestampSchema,
  status: ChatReplyStatusSchema.nullable(),
  /** Why a failed reply failed, in words for the reader. */
  error: z.string().nullable(),
});
export type ChatMessageMetadata = z.infer<typeof ChatMessageMetadataSchema>;

/** A stored message in the AI SDK's UIMessage shape. */
export const ChatMessageSchema = z.object({
  id: UuidSchema,
  role: z.enum(['user', 'assistant']),
  parts: z.array(ChatMessagePartSchema),
  /** The pictures among the parts (seed 003's `attachments`). */
  attachments: z.array(z.object({ url: z.string(), name: z.string().nullable(), contentType: z.string() })),
  metadata: ChatMessageMetadataSchema,
});
export type ChatMessage = z.infer<typeof ChatMessageSchema>;
