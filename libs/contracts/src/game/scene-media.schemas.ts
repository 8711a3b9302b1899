import { z } from 'zod';
import { TimestampSchema, UuidSchema } from '../common/common.schemas';
import { GenerationStatusSchema, MediaPartSchema } from '../generation/generation.schemas';
import { ChapterMediaKindSchema } from '../stories/story-media.schemas';

/** A game scene's picture or narration (a narrator reply drawn or read aloud): a media step, readable while it is made (follow `generationId`). */
export const SceneMediaSchema = z.object({
  /** The narrator reply it was made from. */
  messageId: UuidSchema,
  kind: ChapterMediaKindSchema,
  generationId: UuidSchema,
  status: GenerationStatusSchema,
  /** The picture, or the narration's pieces in order. */
  parts: z.array(MediaPartSchema),
  /** Made from the reply's text as it was: false once the reply has been edited or another version chosen. */
  matchesText: z.boolean(),
  error: z.string().nullable(),
  createdAt: TimestampSchema,
});
export type SceneMedia = z.infer<typeof SceneMediaSchema>;

export const SceneParamsSchema = z.strictObject({ id: UuidSchema, messageId: UuidSchema });

/** `again`: make a new one even when one exists for this text. */
export const StartSceneMediaRequestSchema = z.strictObject({ again: z.boolean().default(false) });
export type StartSceneMediaRequest = z.input<typeof StartSceneMediaRequestSchema>;
