import { z } from 'zod';
import { TimestampSchema, UuidSchema } from '../common/common.schemas';

/** narrator writes the story; world-state updates what the story keeps after each turn. */
export const SystemPromptKindSchema = z.enum(['narrator', 'world-state']);
export type SystemPromptKind = z.infer<typeof SystemPromptKindSchema>;

export const SystemPromptSchema = z.object({
  id: UuidSchema,
  kind: SystemPromptKindSchema,
  version: z.number().int(),
  content: z.string(),
  note: z.string().nullable(),
  isActive: z.boolean(),
  createdBy: z.object({ id: UuidSchema, displayName: z.string() }).nullable(),
  createdAt: TimestampSchema,
});
export type SystemPrompt = z.infer<typeof SystemPromptSchema>;

/** An edit always makes a new version; `activate` makes it the one generations use. */
export const CreateSystemPromptVersionRequestSchema = z.strictObject({
  content: z.string({ message: 'Content is required' }).trim().min(20, { message: 'A system prompt needs at least 20 characters' }).max(20_000, { message: 'A system prompt must be at most 20,000 characters' }),
  note: z.string().trim().max(200).optional(),
  activate: z.boolean().default(true),
});
export type CreateSystemPromptVersionRequest = z.input<typeof CreateSystemPromptVersionRequestSchema>;
