import { z } from 'zod';
import { UuidSchema } from '../common/common.schemas';
import { MAX_OUTLINE_CHAPTERS } from './story.schemas';

/** What a selection rewrite does: say it again, say more, say less, or add what the scene looks, sounds and feels like. */
export const RewriteModeSchema = z.enum(['rewrite', 'expand', 'shorten', 'describe'], { message: 'Mode must be one of: rewrite, expand, shorten, describe' });
export type RewriteMode = z.infer<typeof RewriteModeSchema>;

export const MAX_REWRITE_SELECTION = 4000;
export const MAX_REWRITE_ALTERNATIVES = 3;

/**
 * Alternatives for a selected passage of the premise or the story text,
 * each a generation. `start`/`end` are character offsets in the text of
 * `base` (the version and revision the editor showed); a stale base is a 409.
 * The user picks one and saves it like any edit.
 */
export const StartRewriteRequestSchema = z
  .strictObject({
    kind: z.enum(['premise', 'story'], { message: 'kind must be premise or story' }),
    mode: RewriteModeSchema,
    start: z.number({ message: 'start must be a number' }).int().min(0),
    end: z.number({ message: 'end must be a number' }).int().min(1),
    base: z.strictObject({ id: UuidSchema, revision: z.number({ message: 'base.revision must be a number' }).int().min(1) }),
    alternatives: z.number().int().min(1).max(MAX_REWRITE_ALTERNATIVES, { message: `At most ${MAX_REWRITE_ALTERNATIVES} alternatives` }).default(MAX_REWRITE_ALTERNATIVES),
  })
  .refine((body) => body.end > body.start, { message: 'Select some text to rewrite (end must be after start)', path: ['end'] })
  .refine((body) => body.end - body.start <= MAX_REWRITE_SELECTION, { message: `Select at most ${MAX_REWRITE_SELECTION.toLocaleString('en-US')} characters to rewrite`, path: ['end'] });
export type StartRewriteRequest = z.input<typeof StartRewriteRequestSchema>;

/** One generation per alternative, to follow like any other; `selection` is the text they replace. */
export const StartRewriteResponseSchema = z.object({
  generationIds: z.array(UuidSchema),
  selection: z.string(),
});
export type StartRewriteResponse = z.infer<typeof StartRewriteResponseSchema>;

/** Regenerate one chapter of the story text (0 = the first); the rest of the text stays as it is. */
export const RegenerateChapterRequestSchema = z.strictObject({
  chapterIndex: z.number({ message: 'chapterIndex must be a number' }).int().min(0).max(MAX_OUTLINE_CHAPTERS),
});
export type RegenerateChapterRequest = z.infer<typeof RegenerateChapterRequestSchema>;
