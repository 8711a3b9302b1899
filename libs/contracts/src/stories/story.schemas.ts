import { z } from 'zod';
import { TimestampSchema, UuidSchema } from '../common/common.schemas';
import { FlowStatusSchema, type FlowStatus } from '../generation/flow.schemas';
import { StorySetupSchema } from './story-setup.schemas';
import { StoryBibleSchema } from './story-bible.schemas';
import { userText } from '../common/text.schemas';

export const MAX_OUTLINE_CHAPTERS = 30;

export const OutlineChapterSchema = z.strictObject({
  title: userText('Chapter title', { max: 200 }),
  summary: userText('Chapter summary', { max: 2000 }),
});
export type OutlineChapter = z.infer<typeof OutlineChapterSchema>;

/** Ordered chapters; edited as a list (add, remove, reorder). */
export const OutlineSchema = z.strictObject({
  chapters: z
    .array(OutlineChapterSchema)
    .min(1, { message: 'An outline needs at least one chapter' })
    .max(MAX_OUTLINE_CHAPTERS, { message: `An outline has at most ${MAX_OUTLINE_CHAPTERS} chapters` }),
});
export type Outline = z.infer<typeof OutlineSchema>;

/**
 * Premise → outline → story start → continuations, in that order; `extend`
 * writes on where a passage was cut off; `chapter` writes one chapter of the
 * story text again.
 */
export const StoryPhaseSchema = z.enum(['premise', 'outline', 'start', 'continue', 'extend', 'chapter']);
export type StoryPhase = z.infer<typeof StoryPhaseSchema>;

/** The kinds of text a story keeps versions of. The story text is the start plus continuations. */
export const ArtifactKindSchema = z.enum(['premise', 'outline', 'story']);
export type ArtifactKind = z.infer<typeof ArtifactKindSchema>;

export const StoryArtifactSchema = z.object({
  id: UuidSchema,
  kind: ArtifactKindSchema,
  version: z.number().int(),
  /** Grows with every change to this version's content (autosave, a job adding chapters); editors send it back. */
  revision: z.number().int().min(1),
  /** Premise and story: text. Outline: its chapters. */
  text: z.string().nullable(),
  outline: OutlineSchema.nullable(),
  source: z.enum(['generated', 'edited', 'cache']),
  generationId: UuidSchema.nullable(),
  /** The story text ends where the output cap cut a passage off; "continue this passage" writes on. */
  cutOff: z.boolean(),
  isCurrent: z.boolean(),
  createdAt: TimestampSchema,
});
export type StoryArtifact = z.infer<typeof StoryArtifactSchema>;

export const StoryJobStatusSchema = FlowStatusSchema;
export type StoryJobStatus = FlowStatus;

/** "Write the whole story": one flow of steps (premise, outline, each chapter), with progress and stage names. */
export const StoryJobSchema = z.object({
  id: UuidSchema,
  storyId: UuidSchema,
  status: StoryJobStatusSchema,
  /** 0–100, derived from the finished steps; it never goes back. */
  progress: z.number().int().min(0).max(100),
  /** e.g. "premise", "outline", "chapter 2 of 5", "finishing". */
  stage: z.string(),
  /** The step writing now (follow its stream to read along), or null between steps and after the end. */
  generationId: UuidSchema.nullable(),
  error: z.string().nullable(),
  createdAt: TimestampSchema,
  completedAt: TimestampSchema.nullable(),
});
export type StoryJob = z.infer<typeof StoryJobSchema>;

export const StoryJobResultSchema = z.object({
  jobId: UuidSchema,
  storyId: UuidSchema,
  premise: z.string(),
  outline: OutlineSchema,
  text: z.string(),
});
export type StoryJobResult = z.infer<typeof StoryJobResultSchema>;

export const StorySummarySchema = z.object({
  id: UuidSchema,
  title: z.string(),
  persona: z.string(),
  /** The furthest phase with content: setup, premise, outline, writing. */
  phase: z.enum(['setup', 'premise', 'outline', 'writing']),
  wordCount: z.number().int(),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type StorySummary = z.infer<typeof StorySummarySchema>;

export const StorySchema = StorySummarySchema.extend({
  setup: StorySetupSchema,
  premise: StoryArtifactSchema.nullable(),
  outline: StoryArtifactSchema.nullable(),
  story: StoryArtifactSchema.nullable(),
  /** The generation running now for this story, if any. */
  activeGenerationId: UuidSchema.nullable(),
  activePhase: StoryPhaseSchema.nullable(),
  /** The chapter (0 = the first) a `chapter` phase is writing again, else null. */
  activeChapterIndex: z.number().int().min(0).nullable(),
  /** Characters, setting and style notes every prompt of this story is given. */
  bible: StoryBibleSchema,
  /** The latest whole-story job, if any. */
  job: StoryJobSchema.nullable(),
});
export type Story = z.infer<typeof StorySchema>;

const TitleSchema = userText('Title', { max: 200 });

export const CreateStoryRequestSchema = z.strictObject({ title: TitleSchema, setup: StorySetupSchema });
export type CreateStoryRequest = z.input<typeof CreateStoryRequestSchema>;

export const UpdateStoryRequestSchema = z.strictObject({ title: TitleSchema.optional(), setup: StorySetupSchema.optional() });
export type UpdateStoryRequest = z.input<typeof UpdateStoryRequestSchema>;

/** Starting a phase: `regenerate` bypasses the result cache. */
export const StartPhaseRequestSchema = z.strictObject({ regenerate: z.boolean().default(false) });
export type StartPhaseRequest = z.input<typeof StartPhaseRequestSchema>;

/** 202 with a generation to follow, or 200 with the cached artifact and no generation. */
export const StartPhaseResponseSchema = z.object({
  generationId: UuidSchema.nullable(),
  cached: z.boolean(),
  artifact: StoryArtifactSchema.nullable(),
});
export type StartPhaseResponse = z.infer<typeof StartPhaseResponseSchema>;

export const MAX_STORY_TEXT = 400_000;

/**
 * What an editor's text was based on: the version and its revision it showed
 * when the user started typing, or null when there was no text yet. A save
 * whose base is no longer the current one is refused with 409 CONFLICT and
 * `details` of `EditConflictDetailsSchema`, so nothing newer is overwritten.
 */
export const ArtifactBaseSchema = z
  .strictObject({
    id: UuidSchema,
    revision: z.number({ message: 'base.revision must be a number' }).int().min(1),
  })
  .nullable();
export type ArtifactBase = z.infer<typeof ArtifactBaseSchema>;

export const EditTextArtifactRequestSchema = z.strictObject({
  text: userText('Text', { max: MAX_STORY_TEXT }),
  base: ArtifactBaseSchema,
});
export type EditTextArtifactRequest = z.infer<typeof EditTextArtifactRequestSchema>;

export const EditOutlineRequestSchema = OutlineSchema.extend({ base: ArtifactBaseSchema });
export type EditOutlineRequest = z.infer<typeof EditOutlineRequestSchema>;

/** The 409 of a stale save carries what the server has now, so the user can choose between the two. */
export const EditConflictDetailsSchema = z.object({ current: StoryArtifactSchema.nullable() });
export type EditConflictDetails = z.infer<typeof EditConflictDetailsSchema>;

export const ExportFormatSchema = z.enum(['markdown', 'text', 'docx']);
export type ExportFormat = z.infer<typeof ExportFormatSchema>;

export const StoryCacheStatsSchema = z.object({
  entries: z.number().int(),
  hits: z.number().int(),
  misses: z.number().int(),
  /** hits / (hits + misses), 0 when nothing was asked yet. */
  hitRate: z.number(),
  memoryBytes: z.number().int(),
});
export type StoryCacheStats = z.infer<typeof StoryCacheStatsSchema>;
