import { z } from 'zod';
import { TimestampSchema, UuidSchema } from '../common/common.schemas';
import { userText } from '../common/text.schemas';

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

/**
 * An edit always makes a new version; `activate` makes it the one generations
 * use. `baseVersion` is the newest version the editor knew of (0 when there
 * was none); when a newer one exists the save is a 409 with it in `details.current`.
 */
export const CreateSystemPromptVersionRequestSchema = z.strictObject({
  baseVersion: z.number({ message: 'baseVersion (the newest version you saw) is required' }).int().min(0),
  content: userText('Content', { min: 20, max: 20_000, minMessage: 'A system prompt needs at least 20 characters' }),
  note: userText('Note', { min: 0, max: 200 }).optional(),
  activate: z.boolean().default(true),
});
export type CreateSystemPromptVersionRequest = z.input<typeof CreateSystemPromptVersionRequestSchema>;

export const SystemPromptConflictDetailsSchema = z.object({ current: SystemPromptSchema.nullable() });
export type SystemPromptConflictDetails = z.infer<typeof SystemPromptConflictDetailsSchema>;
