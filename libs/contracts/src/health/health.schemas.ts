import { z } from 'zod';
import { ProviderInfoSchema } from '../generation/generation.schemas';

export const LivenessSchema = z.object({
  status: z.literal('ok'),
  version: z.string(),
  uptimeSeconds: z.number(),
  /** The text provider generations use, so the UI can say which is active. */
  provider: ProviderInfoSchema,
});
export type Liveness = z.infer<typeof LivenessSchema>;

export const DependencyCheckSchema = z.object({
  status: z.enum(['up', 'down']),
  latencyMs: z.number().optional(),
  error: z.string().optional(),
});

export const ReadinessSchema = z.object({
  status: z.enum(['ready', 'not_ready']),
  checks: z.object({
    database: DependencyCheckSchema,
    redis: DependencyCheckSchema,
  }),
});
export type Readiness = z.infer<typeof ReadinessSchema>;
