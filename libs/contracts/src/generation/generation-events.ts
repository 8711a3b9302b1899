import { z } from 'zod';
import { ErrorBodySchema } from '../errors';
import { UuidSchema } from '../common/common.schemas';
import { GenerationKindSchema, GenerationStatusSchema, GenerationTargetSchema, GenerationUsageSchema, MediaPartSchema } from './generation.schemas';

/**
 * One entry of a generation's stream, as stored in Redis and sent on the
 * socket and over SSE. `seq` grows by one per entry across retries, so a
 * client that has applied up to N resumes with `afterSeq: N`.
 */
export const StreamEntrySchema = z.discriminatedUnion('type', [
  /** More text: append `text`. */
  z.object({ type: z.literal('delta'), seq: z.number().int().min(1), text: z.string() }),
  /** The attempt failed and is being retried: clear the partial text. */
  z.object({ type: z.literal('reset'), seq: z.number().int().min(1), attempt: z.number().int(), reason: z.string() }),
  /** Something the reader should know while waiting, e.g. "Retrying the provider (attempt 2 of 4)…"; no text changes. */
  z.object({ type: z.literal('notice'), seq: z.number().int().min(1), message: z.string() }),
  /** A picture or a piece of narration is ready (media steps); after a `reset` the parts are sent again. */
  z.object({ type: z.literal('media'), seq: z.number().int().min(1), part: MediaPartSchema }),
  /** The stream is over; `status` is final. */
  z.object({
    type: z.literal('end'),
    seq: z.number().int().min(1),
    status: GenerationStatusSchema,
    finishReason: z.string().nullable(),
    error: z.string().nullable(),
    usage: GenerationUsageSchema.nullable(),
  }),
]);
export type StreamEntry = z.infer<typeof StreamEntrySchema>;

export const GenerationStreamEventSchema = z.object({
  generationId: UuidSchema,
  entry: StreamEntrySchema,
});
export type GenerationStreamEvent = z.infer<typeof GenerationStreamEventSchema>;

/** Sent to the owner's room when a generation is created, so every tab can follow it. */
export const GenerationStartedEventSchema = z.object({
  generationId: UuidSchema,
  kind: GenerationKindSchema,
  target: GenerationTargetSchema,
});
export type GenerationStartedEvent = z.infer<typeof GenerationStartedEventSchema>;

export const GenerationSubscribeRequestSchema = z.strictObject({
  generationId: UuidSchema,
  /** The last seq the client has applied; 0 for "from the start". */
  afterSeq: z.number().int().min(0).default(0),
});
export type GenerationSubscribeRequest = z.input<typeof GenerationSubscribeRequestSchema>;

/** The subscribe acknowledgement carries the missed entries; live ones follow as events. */
export const GenerationSubscribeAckSchema = z.union([
  z.object({ ok: z.literal(true), status: GenerationStatusSchema, entries: z.array(StreamEntrySchema) }),
  z.object({ ok: z.literal(false), error: ErrorBodySchema }),
]);
export type GenerationSubscribeAck = z.infer<typeof GenerationSubscribeAckSchema>;
