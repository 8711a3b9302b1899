import { z } from 'zod';
import { userText } from '../common/text.schemas';

export const STORY_BIBLE_MAX_CHARS = { characters: 4000, setting: 4000, styleNotes: 2000 } as const;

/**
 * What a writer wants every prompt of a story to remember: who the
 * characters are, what the world is like, and notes on style. Sent with
 * every phase, inside the context budget. `version` grows with every save.
 */
export const StoryBibleSchema = z.object({
  characters: z.string(),
  setting: z.string(),
  styleNotes: z.string(),
  version: z.number().int().min(0),
});
export type StoryBible = z.infer<typeof StoryBibleSchema>;

/** `baseVersion`: the version the editor showed; a save over a newer one is a 409 with the bible as it is now in `details.current`. */
export const UpdateStoryBibleRequestSchema = z.strictObject({
  characters: userText('Characters', { min: 0, max: STORY_BIBLE_MAX_CHARS.characters }),
  setting: userText('Setting', { min: 0, max: STORY_BIBLE_MAX_CHARS.setting }),
  styleNotes: userText('Style notes', { min: 0, max: STORY_BIBLE_MAX_CHARS.styleNotes }),
  baseVersion: z.number({ message: 'baseVersion (the version you edited) is required' }).int().min(0),
});
export type UpdateStoryBibleRequest = z.infer<typeof UpdateStoryBibleRequestSchema>;

export const StoryBibleConflictDetailsSchema = z.object({ current: StoryBibleSchema });
export type StoryBibleConflictDetails = z.infer<typeof StoryBibleConflictDetailsSchema>;
