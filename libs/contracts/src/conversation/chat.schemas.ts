import { z } from 'zod';
import { TimestampSchema, UuidSchema } from '../common/common.schemas';
import { ChatMessageSchema, UserMessageInputSchema } from './chat-message.schemas';

/** A private chat is its owner's alone; a public one is readable (not writable) by any signed-in user with the link. */
export const ChatVisibilitySchema = z.enum(['private', 'public']);
export type ChatVisibility = z.infer<typeof ChatVisibilitySchema>;

/** `POST /api/chat`: the chatbot's request. The chat is created on its first message. */
export const PostChatRequestSchema = z.strictObject({
  id: UuidSchema,
  message: UserMessageInputSchema,
  /** One of `GET /api/models`. */
  selectedChatModel: z.string().min(1).max(200),
  selectedVisibilityType: ChatVisibilitySchema,
  /** What the AI SDK's client says it is doing (`submit-message`, `regenerate-message`); the message id decides. */
  trigger: z.enum(['submit-message', 'regenerate-message']).optional(),
  messageId: z.string().max(100).optional(),
});
export type PostChatRequest = z.infer<typeof PostChatRequestSchema>;

export const ChatSummarySchema = z.object({
  id: UuidSchema,
  title: z.string(),
  visibility: ChatVisibilitySchema,
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type ChatSummary = z.infer<typeof ChatSummarySchema>;

/** One chat with its messages, for its owner or (public) a reader. */
export const ChatDetailSchema = z.object({
  chat: ChatSummarySchema.extend({
    /** The model last chosen for it. */
    model: z.string(),
    /** False for a reader of someone else's public chat: read-only. */
    isOwner: z.boolean(),
    /** A reply is being written: `GET /api/chat/:id/stream` follows it. */
    isReplying: z.boolean(),
  }),
  messages: z.array(ChatMessageSchema),
});
export type ChatDetail = z.infer<typeof ChatDetailSchema>;

export const ChatIdQuerySchema = z.strictObject({ id: UuidSchema });

export const UpdateChatVisibilityRequestSchema = z.strictObject({ visibility: ChatVisibilitySchema });
export type UpdateChatVisibilityRequest = z.infer<typeof UpdateChatVisibilityRequestSchema>;

/** Cursor paging of my chats, newest first: `starting_after` gives newer chats than the one named, `ending_before` older ones; not both. */
export const HistoryQuerySchema = z
  .strictObject({
    limit: z.coerce.number({ message: 'limit must be a number' }).int().min(1, { message: 'limit is at least 1' }).max(100, { message: 'limit is at most 100' }).default(20),
    starting_after: UuidSchema.optional(),
    ending_before: UuidSchema.optional(),
  })
  .refine((query) => !(query.starting_after && query.ending_before), { message: 'Give starting_after or ending_before, not both', path: ['ending_before'] });
export type HistoryQuery = z.infer<typeof HistoryQuerySchema>;

export const HistoryPageSchema = z.object({ chats: z.array(ChatSummarySchema), hasMore: z.boolean() });
export type HistoryPage = z.infer<typeof HistoryPageSchema>;

export const DeletedCountSchema = z.object({ deleted: z.number().int() });
export type DeletedCount = z.infer<typeof DeletedCountSchema>;

/** Messages a user may send a day, and how many are left. */
export const ChatAllowanceSchema = z.object({
  limit: z.number().int().nullable(),
  used: z.number().int(),
  remaining: z.number().int().nullable(),
  resetsAt: TimestampSchema,
});
export type ChatAllowance = z.infer<typeof ChatAllowanceSchema>;

export const ChatMessageIdParamsSchema = z.strictObject({ id: UuidSchema });
