import { z } from 'zod';
import { userText } from '../common/text.schemas';

/**
 * Who an illustrated story is for. The band is enforced, not just noted: the
 * prompts, the builtin planner's words and the picture prompts stay within it,
 * and a rule-based check runs on every scene after it is written.
 */
export const AGE_BANDS = ['0-3', '4-6', '7-9', '10-12', 'teen', 'adult'] as const;
export const AgeBandSchema = z.enum(AGE_BANDS, { message: `Age band must be one of: ${AGE_BANDS.join(', ')}` });
export type AgeBand = z.infer<typeof AgeBandSchema>;

/** Seed 002's styles (fantasy, sci-fi, …) and the picture-book genres parents ask for. */
export const STORY_STYLES = ['fantasy', 'sci-fi', 'adventure', 'fairy-tale', 'animals', 'mystery', 'funny', 'everyday', 'spooky', 'historical'] as const;
export const StoryStyleSchema = z.enum(STORY_STYLES, { message: `Style must be one of: ${STORY_STYLES.join(', ')}` });
export type StoryStyle = z.infer<typeof StoryStyleSchema>;

export const CREATE_STORY_TONES = ['gentle', 'cozy', 'funny', 'exciting', 'silly', 'mysterious', 'heartwarming', 'spooky', 'wistful'] as const;
export const CreateStoryToneSchema = z.enum(CREATE_STORY_TONES, { message: `Tone must be one of: ${CREATE_STORY_TONES.join(', ')}` });
export type CreateStoryTone = z.infer<typeof CreateStoryToneSchema>;

/** Seed 002 makes three scenes unless asked otherwise. */
export const DEFAULT_SCENE_COUNT = 3;
export const MIN_SCENE_COUNT = 1;
export const MAX_SCENE_COUNT = 12;
export const SceneCountSchema = z
  .number({ message: 'Number of scenes must be a number' })
  .int({ message: 'Number of scenes must be a whole number' })
  .min(MIN_SCENE_COUNT, { message: `Number of scenes must be at least ${MIN_SCENE_COUNT}` })
  .max(MAX_SCENE_COUNT, { message: `Number of scenes must be at most ${MAX_SCENE_COUNT}` });

export const StoryCharacterSchema = z.strictObject({
  name: userText('Character name', { max: 60 }),
  /** Who they are, in a few words ("a shy dragon who cannot swim"); may be empty. */
  description: userText('Character description', { min: 0, max: 300 }),
});
export type StoryCharacter = z.infer<typeof StoryCharacterSchema>;

/**
 * What the requirements agent gathers in conversation (seed 002), kept up to
 * date after every turn and editable by hand. `null` means not known yet.
 */
export const StoryRequirementsSchema = z.strictObject({
  title: userText('Title', { max: 120 }).nullable(),
  ageBand: AgeBandSchema.nullable(),
  characters: z.array(StoryCharacterSchema).max(8, { message: 'A story can have at most 8 characters' }),
  setting: userText('Setting', { max: 300 }).nullable(),
  /** What happens. */
  plot: userText('Plot', { max: 1000 }).nullable(),
  style: StoryStyleSchema.nullable(),
  tone: CreateStoryToneSchema.nullable(),
  sceneCount: SceneCountSchema.nullable(),
  /** One of the speech provider's voices (`GET /api/media/capabilities`); null = its default. */
  narratorVoice: userText('Narrator voice', { max: 60 }).nullable(),
});
export type StoryRequirements = z.infer<typeof StoryRequirementsSchema>;

/** The fields "Make my story" needs; the rest have defaults (style, tone, scenes, voice, title). */
export const REQUIRED_REQUIREMENT_FIELDS = ['ageBand', 'characters', 'plot'] as const satisfies readonly (keyof StoryRequirements)[];
export type RequirementField = keyof StoryRequirements;

export const EMPTY_STORY_REQUIREMENTS: StoryRequirements = {
  title: null,
  ageBand: null,
  characters: [],
  setting: null,
  plot: null,
  style: null,
  tone: null,
  sceneCount: null,
  narratorVoice: null,
};
