import { UuidSchema } from '@storyos/contracts';
import { UnrecoverableError } from 'bullmq';
import { z } from 'zod';
import type { GenerationEntity } from '../../generation/entities/generation.entity';

/** What a chat generation's input holds: ids and small values only. */
const ReplyInputSchema = z.object({
  /** The reply (assistant message) it writes; for a title, the first message. */
  messageId: UuidSchema,
  /** The model chosen for it (one of GET /api/models). */
  model: z.string().optional(),
  /** chat.reply: the model is offered the chat tools (it decides what the reply does). */
  tools: z.boolean().optional(),
  /** chat.document (update): what to change, as the model's tool call said it; absent, the user's message says it. */
  description: z.string().optional(),
  documentId: UuidSchema.optional(),
  /** chat.document: a new document, or a new version of one. */
  mode: z.enum(['create', 'update']).optional(),
  title: z.string().optional(),
  /** chat.suggestions: the version the suggestions are for. */
  documentCreatedAt: z.string().optional(),
});
export type ReplyInput = z.infer<typeof ReplyInputSchema>;

export function replyInputOf(generation: GenerationEntity): ReplyInput {
  const parsed = ReplyInputSchema.safeParse(generation.input);
  if (!parsed.success) throw new UnrecoverableError('The chat step’s input is not readable.');
  return parsed.data;
}
