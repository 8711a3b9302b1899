import { z } from 'zod';
import { UuidSchema } from '../common/common.schemas';

export const VoteSchema = z.object({ chatId: UuidSchema, messageId: UuidSchema, isUpvoted: z.boolean() });
export type Vote = z.infer<typeof VoteSchema>;

export const VotesQuerySchema = z.strictObject({ chatId: UuidSchema });

export const VoteRequestSchema = z.strictObject({ chatId: UuidSchema, messageId: UuidSchema, type: z.enum(['up', 'down']) });
export type VoteRequest = z.infer<typeof VoteRequestSchema>;
