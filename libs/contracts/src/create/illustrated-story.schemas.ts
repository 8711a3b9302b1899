import { z } from 'zod';
import { TimestampSchema, UuidSchema } from '../common/common.schemas';
import { userText } from '../common/text.schemas';
import { MediaPartSchema } from '../generation/generation.schemas';
import { AgeBandSchema, SceneCountSchema, StoryRequirementsSchema, StoryStyleSchema, CreateStoryToneSchema } from './story-requirements.schemas';

/**
 * Illustrated, narrated stories (seed 002, StoryMimi): N scenes, each with
 * text, a picture and a narration, made in the background by one flow.
 * Routes live under `/api/illustrated-stories` (the Writer's stories are
 * `/api/stories`). Field names map to the seed's as: `storyId` = story_id,
 * `sceneId` = scene_id, `sequence`, `text`, `imageUrl` = image_url,
 * `audioUrl` = audio_url; statuses are the seed's, upper-case.
 */

/**
 * PENDING: not started; PROCESSING: being made; COMPLETED: done; FAILED:
 * could not be made (or the story was stopped before it was). The same four
 * for a story, each scene, and each asset (text, picture, narration).
 */
export const IllustratedStatusSchema = z.enum(['PENDING', 'PROCESSING', 'COMPLETED', 'FAILED']);
export type IllustratedStatus = z.infer<typeof IllustratedStatusSchema>;

/** The longest free-text prompt of a direct create (the seed's mobile client). */
export const MAX_ILLUSTRATED_PROMPT_CHARS = 1_000;

/**
 * `POST /api/illustrated-stories`: from a conversation whose requirements are
 * complete (`{ conversationId }`), or directly (`{ prompt, … }`, the seed's
 * mobile client: title, prompt, style, number of scenes). Not both.
 * A direct create without `ageBand` is for ages 7–9.
 */
export const CreateIllustratedStoryRequestSchema = z
  .strictObject({
    conversationId: UuidSchema.optional(),
    title: userText('Title', { max: 120 }).optional(),
    /** What the story is about; the seed's `prompt`. */
    prompt: userText('Prompt', { max: MAX_ILLUSTRATED_PROMPT_CHARS }).optional(),
    style: StoryStyleSchema.optional(),
    tone: CreateStoryToneSchema.optional(),
    /** The seed's `num_scenes`: 1–12, default 3. */
    sceneCount: SceneCountSchema.optional(),
    ageBand: AgeBandSchema.optional(),
    narratorVoice: userText('Narrator voice', { max: 60 }).optional(),
  })
  .superRefine((body, context) => {
    const direct = ['title', 'prompt', 'style', 'tone', 'sceneCount', 'ageBand', 'narratorVoice'] as const;
    if (body.conversationId) {
      const extra = direct.find((key) => body[key] !== undefined);
      if (extra) context.addIssue({ code: 'custom', path: [extra], message: `Give either conversationId or the story's fields (${extra}), not both` });
    } else if (body.prompt === undefined) {
      context.addIssue({ code: 'custom', path: ['prompt'], message: 'Give a prompt (what the story is about) or a conversationId' });
    }
  });
export type CreateIllustratedStoryRequest = z.infer<typeof CreateIllustratedStoryRequestSchema>;

/** 202 to a create, a stop or a retry: the seed's `{ story_id, status }`. */
export const IllustratedStoryAcceptedSchema = z.object({ storyId: UuidSchema, status: IllustratedStatusSchema });
export type IllustratedStoryAccepted = z.infer<typeof IllustratedStoryAcceptedSchema>;

/**
 * A scene's picture or narration. `url` is fetched with the bearer token
 * (`/api/media/:id` for a picture; for a narration, one MP3 of the whole
 * scene at `/api/illustrated-stories/:id/scenes/:sceneId/audio`); `parts` are
 * the narration's sentence-sized pieces with their text and duration.
 */
export const IllustratedAssetSchema = z.object({
  status: IllustratedStatusSchema,
  /** The media step making it: follow it like any generation while PROCESSING. */
  generationId: UuidSchema.nullable(),
  url: z.string().nullable(),
  parts: z.array(MediaPartSchema),
  /** Why it FAILED, in plain words. */
  error: z.string().nullable(),
});
export type IllustratedAsset = z.infer<typeof IllustratedAssetSchema>;

/** One scene. Readable as soon as its text is COMPLETED; its picture and narration land after. */
export const IllustratedSceneSchema = z.object({
  sceneId: UuidSchema,
  /** 1, 2, 3… in reading order. */
  sequence: z.number().int().min(1),
  /** The scene's status: FAILED if its text or an asset failed, COMPLETED when all three are done. */
  status: IllustratedStatusSchema,
  /** Empty until the text is written. */
  text: z.string(),
  textStatus: IllustratedStatusSchema,
  /** The text step: follow it to read the scene as it is written. */
  textGenerationId: UuidSchema.nullable(),
  textError: z.string().nullable(),
  /** The seed's image_url / audio_url: null until made. */
  imageUrl: z.string().nullable(),
  audioUrl: z.string().nullable(),
  image: IllustratedAssetSchema,
  narration: IllustratedAssetSchema,
});
export type IllustratedScene = z.infer<typeof IllustratedSceneSchema>;

const IllustratedStoryBaseSchema = z.object({
  storyId: UuidSchema,
  title: z.string(),
  status: IllustratedStatusSchema,
  /** 0–100, from the scenes' texts, pictures and narrations made. */
  progress: z.number().int().min(0).max(100),
  /** True once someone stopped it; what was made is kept. */
  stopped: z.boolean(),
  /** Why it FAILED, in plain words. */
  error: z.string().nullable(),
  sceneCount: z.number().int().min(1),
  /** The first scene's picture, when made. */
  coverUrl: z.string().nullable(),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});

/** An entry of `GET /api/illustrated-stories`: my stories, newest first, with a cover. */
export const IllustratedStorySummarySchema = IllustratedStoryBaseSchema;
export type IllustratedStorySummary = z.infer<typeof IllustratedStorySummarySchema>;

export const IllustratedStoryListQuerySchema = z.strictObject({
  limit: z.coerce.number({ message: 'limit must be a number' }).int({ message: 'limit must be a whole number' }).min(1, { message: 'limit is at least 1' }).max(100, { message: 'limit is at most 100' }).default(50),
});
export type IllustratedStoryListQuery = z.infer<typeof IllustratedStoryListQuerySchema>;

export const IllustratedStoryListSchema = z.object({ items: z.array(IllustratedStorySummarySchema) });
export type IllustratedStoryList = z.infer<typeof IllustratedStoryListSchema>;

/** `GET /api/illustrated-stories/:id`: the seed's story details with `scenes[]`. */
export const IllustratedStorySchema = IllustratedStoryBaseSchema.extend({
  /** What it was made from (defaults filled in). */
  requirements: StoryRequirementsSchema,
  conversationId: UuidSchema.nullable(),
  scenes: z.array(IllustratedSceneSchema),
});
export type IllustratedStory = z.infer<typeof IllustratedStorySchema>;

/** A scene's statuses alone, for polling. */
export const IllustratedSceneStatusSchema = z.object({
  sceneId: UuidSchema,
  sequence: z.number().int().min(1),
  status: IllustratedStatusSchema,
  text: IllustratedStatusSchema,
  image: IllustratedStatusSchema,
  narration: IllustratedStatusSchema,
});
export type IllustratedSceneStatus = z.infer<typeof IllustratedSceneStatusSchema>;

/** `GET /api/illustrated-stories/:id/status`: the seed's status, per scene and asset, with progress. */
export const IllustratedStoryStatusSchema = z.object({
  storyId: UuidSchema,
  status: IllustratedStatusSchema,
  progress: z.number().int().min(0).max(100),
  stopped: z.boolean(),
  error: z.string().nullable(),
  scenes: z.array(IllustratedSceneStatusSchema),
});
export type IllustratedStoryStatus = z.infer<typeof IllustratedStoryStatusSchema>;

export const IllustratedStoryIdParamsSchema = z.strictObject({ id: UuidSchema });
export const IllustratedSceneParamsSchema = z.strictObject({ id: UuidSchema, sceneId: UuidSchema });

/** Socket `illustrated-story:updated` (server → client, the owner's room): the whole story after each scene or asset lands. */
export const IllustratedStoryUpdatedEventSchema = IllustratedStorySchema;
export type IllustratedStoryUpdatedEvent = IllustratedStory;
