import { z } from 'zod';
import { TimestampSchema, UuidSchema } from '../common/common.schemas';

/**
 * queued → streaming → completed | stopped | failed. A retried attempt goes
 * back to streaming and clients reset the partial text.
 */
export const GenerationStatusSchema = z.enum(['queued', 'streaming', 'completed', 'stopped', 'failed']);
export type GenerationStatus = z.infer<typeof GenerationStatusSchema>;

export const TERMINAL_GENERATION_STATUSES: readonly GenerationStatus[] = ['completed', 'stopped', 'failed'];
export const isTerminalStatus = (status: GenerationStatus): boolean => TERMINAL_GENERATION_STATUSES.includes(status);

/** What a generation produces; each module registers the kinds it owns. */
export const GenerationKindSchema = z.enum([
  'game.opening',
  'game.turn',
  'game.continue',
  'game.world-state',
  'story.premise',
  'story.outline',
  'story.start',
  'story.continue',
  'story.extend',
  // The steps of "write the whole story" (a flow): they grow one story version, chapter by chapter.
  'story.whole.premise',
  'story.whole.outline',
  'story.whole.chapter',
  'story.whole.extend',
  // Pictures and narration of what was written: media steps.
  'story.illustration',
  'story.narration',
  // A game scene (a narrator reply) drawn or read aloud: media steps.
  'game.illustration',
  'game.narration',
  // A user's recorded voice turned into text: a transcription step.
  'media.transcription',
  // The chat (seed 003): a reply, a document written or revised by a tool, suggestions for it, a chat's title.
  'chat.reply',
  'chat.document',
  'chat.suggestions',
  'chat.title',
  // Create (seed 002): the requirements agent's reply, the JSON step that reads the requirements from the conversation
  // (real models; the builtin engine uses the rule-based extractor), and a reply read aloud.
  'create.agent',
  'create.requirements',
  'create.agent.narration',
  // The steps of an illustrated story (a flow): each scene's text, then its picture and its narration side by side.
  'create.scene',
  'create.scene.picture',
  'create.scene.narration',
]);
export type GenerationKind = z.infer<typeof GenerationKindSchema>;

/**
 * How a generation runs: `text` streams from the text provider; `image` and
 * `narration` make media (a picture; speech, sentence by sentence) and
 * stream each finished part as a `media` entry; `transcription` turns a
 * stored recording into text, streamed as a `delta` like any text.
 */
export const GenerationStepTypeSchema = z.enum(['text', 'image', 'narration', 'transcription']);
export type GenerationStepType = z.infer<typeof GenerationStepTypeSchema>;

const MEDIA_STEP_KINDS: Partial<Record<GenerationKind, GenerationStepType>> = {
  'story.illustration': 'image',
  'story.narration': 'narration',
  'game.illustration': 'image',
  'game.narration': 'narration',
  'media.transcription': 'transcription',
  'create.agent.narration': 'narration',
  'create.scene.picture': 'image',
  'create.scene.narration': 'narration',
};

export const stepTypeOf = (kind: GenerationKind): GenerationStepType => MEDIA_STEP_KINDS[kind] ?? 'text';

/** One finished part of a media step: a picture, or one sentence-sized piece of narration, stored and ready to fetch at `/api/media/:mediaId`. */
export const MediaPartSchema = z.object({
  /** 0, 1, 2…: narration pieces play in this order. */
  index: z.number().int().min(0),
  mediaId: UuidSchema,
  kind: z.enum(['image', 'narration']),
  contentType: z.string(),
  durationMs: z.number().int().nullable(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  /** The sentence(s) this piece speaks, or the picture's caption. */
  text: z.string(),
});
export type MediaPart = z.infer<typeof MediaPartSchema>;

/** The resource a generation belongs to; clients can follow it by resource. */
export const GenerationTargetSchema = z.object({
  /**
   * `recording`: a transcription belongs to the user's stored recording (a media id);
   * `story-conversation`: a Create agent conversation; `illustrated-story`: a Create story (seed 002).
   */
  type: z.enum(['game-session', 'story', 'chat', 'recording', 'story-conversation', 'illustrated-story']),
  id: UuidSchema,
});
export type GenerationTarget = z.infer<typeof GenerationTargetSchema>;

export const GenerationUsageSchema = z.object({
  /** As the provider counted them, when it said. */
  promptTokens: z.number().int().nullable(),
  completionTokens: z.number().int().nullable(),
  /** Our own count of the prompt as it was sent, to compare with `promptTokens`. */
  estimatedPromptTokens: z.number().int().nullable(),
});

/** Which limit a generation ran into: the model's context (the prompt was too long) or the output cap (the reply was cut off). */
export const GenerationLimitSchema = z.enum(['context', 'output']);
export type GenerationLimit = z.infer<typeof GenerationLimitSchema>;
export type GenerationUsage = z.infer<typeof GenerationUsageSchema>;

export const GenerationSchema = z.object({
  id: UuidSchema,
  kind: GenerationKindSchema,
  target: GenerationTargetSchema,
  status: GenerationStatusSchema,
  /** The text so far while streaming (from the live stream), the final text after. */
  text: z.string(),
  /** The last chunk sequence number included in `text`; resume from here. */
  lastSeq: z.number().int(),
  finishReason: z.string().nullable(),
  error: z.string().nullable(),
  provider: z.string(),
  model: z.string(),
  attempt: z.number().int(),
  usage: GenerationUsageSchema.nullable(),
  /** Set when a limit was hit, even if a tighter second try then succeeded. */
  limitHit: GenerationLimitSchema.nullable(),
  /** What a picture or narration step has made so far, in order; empty for text. */
  media: z.array(MediaPartSchema),
  createdAt: TimestampSchema,
  startedAt: TimestampSchema.nullable(),
  firstChunkAt: TimestampSchema.nullable(),
  completedAt: TimestampSchema.nullable(),
});
export type Generation = z.infer<typeof GenerationSchema>;

/** The answer to anything that starts a generation: 202 with its id. */
export const GenerationAcceptedSchema = z.object({
  generationId: UuidSchema,
});
export type GenerationAccepted = z.infer<typeof GenerationAcceptedSchema>;

/** Which text provider and model are active, shown in the UI and in /api/health. */
export const ProviderInfoSchema = z.object({
  provider: z.enum(['builtin', 'openai-compatible']),
  model: z.string(),
  /** For builtin: whether the TinyStories weights were found or templates alone write. */
  detail: z.string(),
});
export type ProviderInfo = z.infer<typeof ProviderInfoSchema>;

/** One model the deployment offers: the builtin engine, or a model of the configured provider. */
export const ModelOptionSchema = z.object({
  /** `builtin`, or the model's id at the provider. */
  id: z.string(),
  provider: z.enum(['builtin', 'openai-compatible']),
  /** The context window in tokens, when known. */
  contextTokens: z.number().int().nullable(),
  /** The model this deployment writes with unless a request chooses another. */
  isDefault: z.boolean(),
});
export type ModelOption = z.infer<typeof ModelOptionSchema>;

export const ModelListSchema = z.object({ items: z.array(ModelOptionSchema) });
export type ModelList = z.infer<typeof ModelListSchema>;
