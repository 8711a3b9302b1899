import { z } from 'zod';
import { TimestampSchema, UuidSchema } from '../common/common.schemas';
import { userText } from '../common/text.schemas';

export const MEMORY_MAX_CHARS = 2000;
export const AUTHORS_NOTE_MAX_CHARS = 500;
export const STORY_CARD_MAX_CHARS = 1000;
export const STORY_CARD_MAX_KEYWORDS = 10;
export const STORY_CARDS_PER_GAME = 50;

/**
 * A game's memory (always in the narrator's prompt) and author's note
 * (inserted near the end, to steer style and direction). `version` grows
 * with every save.
 */
export const GameNotesSchema = z.object({
  memory: z.string(),
  authorsNote: z.string(),
  version: z.number().int().min(0),
});
export type GameNotes = z.infer<typeof GameNotesSchema>;

/** `baseVersion`: the version the editor showed; a save over a newer one is a 409 with the notes as they are now in `details.current`. */
export const UpdateGameNotesRequestSchema = z.strictObject({
  memory: userText('Memory', { min: 0, max: MEMORY_MAX_CHARS }),
  authorsNote: userText("Author's note", { min: 0, max: AUTHORS_NOTE_MAX_CHARS }),
  baseVersion: z.number({ message: 'baseVersion (the version you edited) is required' }).int().min(0),
});
export type UpdateGameNotesRequest = z.infer<typeof UpdateGameNotesRequestSchema>;

export const GameNotesConflictDetailsSchema = z.object({ current: GameNotesSchema });
export type GameNotesConflictDetails = z.infer<typeof GameNotesConflictDetailsSchema>;

export const StoryCardKindSchema = z.enum(['character', 'place', 'thing']);
export type StoryCardKind = z.infer<typeof StoryCardKindSchema>;

const keyword = userText('Keyword', { max: 60 });

/** A fact the narrator is told when one of its keywords appears in the recent story or the player's input. */
export const StoryCardFieldsSchema = z.strictObject({
  kind: StoryCardKindSchema,
  title: userText('Title', { max: 80 }),
  keywords: z
    .array(keyword, { message: 'Keywords must be a list' })
    .min(1, { message: 'Give at least one keyword that brings the card into the story' })
    .max(STORY_CARD_MAX_KEYWORDS, { message: `At most ${STORY_CARD_MAX_KEYWORDS} keywords` }),
  content: userText('Card text', { max: STORY_CARD_MAX_CHARS }),
});
export type StoryCardFields = z.infer<typeof StoryCardFieldsSchema>;

export const CreateStoryCardRequestSchema = StoryCardFieldsSchema;
export type CreateStoryCardRequest = z.infer<typeof CreateStoryCardRequestSchema>;

export const UpdateStoryCardRequestSchema = StoryCardFieldsSchema.partial().extend({
  baseVersion: z.number({ message: 'baseVersion (the version you edited) is required' }).int().min(1),
});
export type UpdateStoryCardRequest = z.infer<typeof UpdateStoryCardRequestSchema>;

export const StoryCardSchema = z.object({
  id: UuidSchema,
  kind: StoryCardKindSchema,
  title: z.string(),
  keywords: z.array(z.string()),
  content: z.string(),
  version: z.number().int().min(1),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type StoryCard = z.infer<typeof StoryCardSchema>;

export const StoryCardConflictDetailsSchema = z.object({ current: StoryCardSchema });
export type StoryCardConflictDetails = z.infer<typeof StoryCardConflictDetailsSchema>;
