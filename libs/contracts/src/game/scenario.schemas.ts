import { z } from 'zod';
import { TimestampSchema, UuidSchema } from '../common/common.schemas';
import { searchText, userText } from '../common/text.schemas';

const text = (field: string, max: number) => userText(field, { max });

export const ToneSchema = z.enum(['whimsical', 'heroic', 'mysterious', 'dark', 'cozy', 'humorous', 'tense', 'melancholic']);
export type Tone = z.infer<typeof ToneSchema>;

export const ContentRatingSchema = z.enum(['all-ages', 'teen', 'mature']);
export type ContentRating = z.infer<typeof ContentRatingSchema>;

/** private: only its author sees it. public: everyone can browse and play it. archived: hidden from browsing, kept for existing games. */
export const ScenarioVisibilitySchema = z.enum(['private', 'public', 'archived']);
export type ScenarioVisibility = z.infer<typeof ScenarioVisibilitySchema>;

export const ScenarioFieldsSchema = z.strictObject({
  name: text('Name', 120),
  description: text('Description', 2000),
  setting: text('Setting', 4000),
  /** How the narrator should tell the story: voice, pacing, what to emphasise. */
  narratorBehavior: text('Narrator behaviour', 4000),
  playerName: text('Player name', 60),
  playerRole: text('Player role', 200),
  initialLocation: text('Initial location', 200),
  tone: ToneSchema,
  contentRating: ContentRatingSchema,
});

export const CreateScenarioRequestSchema = ScenarioFieldsSchema.extend({
  visibility: z.enum(['private', 'public']).default('private'),
});
export type CreateScenarioRequest = z.input<typeof CreateScenarioRequestSchema>;

/** `baseVersion`: the version the editor showed; a save over a newer one is a 409 with the newer scenario in `details.current`. */
export const UpdateScenarioRequestSchema = ScenarioFieldsSchema.partial().extend({
  visibility: ScenarioVisibilitySchema.optional(),
  baseVersion: z.number({ message: 'baseVersion (the version you edited) is required' }).int().min(1),
});
export type UpdateScenarioRequest = z.infer<typeof UpdateScenarioRequestSchema>;

export const ScenarioSchema = ScenarioFieldsSchema.extend({
  id: UuidSchema,
  visibility: ScenarioVisibilitySchema,
  author: z.object({ id: UuidSchema, displayName: z.string() }),
  /** Grows by one with every edit. */
  version: z.number().int(),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type Scenario = z.infer<typeof ScenarioSchema>;

export const ScenarioConflictDetailsSchema = z.object({ current: ScenarioSchema });
export type ScenarioConflictDetails = z.infer<typeof ScenarioConflictDetailsSchema>;

export const ScenarioListQuerySchema = z.strictObject({
  q: searchText('Search', 100).optional(),
  /** all: public ones and mine; mine: only mine (any visibility but archived unless asked). */
  scope: z.enum(['all', 'mine']).default('all'),
  includeArchived: z.enum(['true', 'false']).transform((value) => value === 'true').default(false),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type ScenarioListQuery = z.input<typeof ScenarioListQuerySchema>;
