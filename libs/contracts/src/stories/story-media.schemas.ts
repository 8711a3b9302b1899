import { z } from 'zod';
import { TimestampSchema, UuidSchema } from '../common/common.schemas';
import { GenerationStatusSchema, MediaPartSchema } from '../generation/generation.schemas';

/** A chapter's picture or narration: a media step, readable while it is made (follow `generationId`). */
export const ChapterMediaKindSchema = z.enum(['illustration', 'narration']);
export type ChapterMediaKind = z.infer<typeof ChapterMediaKindSchema>;

export const ChapterMediaSchema = z.object({
  chapterIndex: z.number().int().min(0),
  kind: ChapterMediaKindSchema,
  generationId: UuidSchema,
  status: GenerationStatusSchema,
  /** The picture, or the narration's pieces in order. */
  parts: z.array(MediaPartSchema),
  /** Narration is of the chapter's text as it was: false once the chapter has been rewritten. */
  matchesText: z.boolean(),
  error: z.string().nullable(),
  createdAt: TimestampSchema,
});
export type ChapterMedia = z.infer<typeof ChapterMediaSchema>;

/** Chapter numbers in paths count from 0, in the order of the story's `## ` headings. */
export const ChapterParamsSchema = z.strictObject({
  id: UuidSchema,
  index: z.coerce.number({ message: 'index must be a chapter number' }).int({ message: 'index must be a whole number' }).min(0, { message: 'index starts at 0' }).max(200, { message: 'index is at most 200' }),
});

/** `again`: make a new one even when one exists for this text. */
export const StartChapterMediaRequestSchema = z.strictObject({ again: z.boolean().default(false) });
export type StartChapterMediaRequest = z.input<typeof StartChapterMediaRequestSchema>;
