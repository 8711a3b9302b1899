import { z } from 'zod';
import { UuidSchema } from './common/common.schemas';
import { GenerationKindSchema } from './generation/generation.schemas';

/** Every BullMQ queue, named once. */
export const QUEUE_NAMES = {
  system: 'system',
  /** Text steps: every streamed generation, alone or as a step of a flow. */
  generation: 'generation',
  /** Flows: the parent job of a multi-step job, which plans its steps and waits for them. */
  flow: 'flow',
  /** Media steps: pictures and narration, generations of step type image or narration. */
  media: 'media',
  /** Transcription steps: a stored recording turned into text. */
  transcription: 'transcription',
} as const;
export type QueueName = (typeof QUEUE_NAMES)[keyof typeof QUEUE_NAMES];

export const JOB_NAMES = {
  deliverPing: 'deliver-ping',
  runGeneration: 'run-generation',
  runFlow: 'run-flow',
  runMediaStep: 'run-media-step',
  runTranscriptionStep: 'run-transcription-step',
} as const;

/** Job payloads carry ids and small values only. */
export const PingJobSchema = z.object({
  userId: UuidSchema,
  nonce: z.string().min(1).max(64),
  enqueuedAt: z.iso.datetime(),
});
export type PingJob = z.infer<typeof PingJobSchema>;

/** The job id is the generation id, so enqueueing twice is a no-op. */
export const GenerationJobSchema = z.object({
  generationId: UuidSchema,
  /** Lets the worker start the prompt's reads while it claims the step; jobs queued without it claim first. */
  kind: GenerationKindSchema.optional(),
  /** Queued while the transaction storing the generation was still open: the worker waits for that transaction to end before it reads. */
  committing: z.literal(true).optional(),
});
export type GenerationJob = z.infer<typeof GenerationJobSchema>;

/** The job id is the flow id, so starting a flow twice is a no-op. */
export const FlowJobSchema = z.object({
  flowId: UuidSchema,
});
export type FlowJob = z.infer<typeof FlowJobSchema>;
