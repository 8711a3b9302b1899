import {
  ArtifactKindSchema,
  CreateStoryRequestSchema,
  EditOutlineRequestSchema,
  EditTextArtifactRequestSchema,
  ExportFormatSchema,
  pageOf,
  PageQuerySchema,
  RegenerateChapterRequestSchema,
  StartRewriteRequestSchema,
  StartRewriteResponseSchema,
  StoryBibleSchema,
  UpdateStoryBibleRequestSchema,
  StartPhaseRequestSchema,
  StartPhaseResponseSchema,
  StoryArtifactSchema,
  StoryCacheStatsSchema,
  StoryJobResultSchema,
  StoryJobSchema,
  StorySchema,
  StorySummarySchema,
  UpdateStoryRequestSchema,
  UuidSchema,
} from '@storyos/contracts';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export class StoryIdParams extends createZodDto(z.strictObject({ id: UuidSchema })) {}
export class StoryVersionParams extends createZodDto(z.strictObject({ id: UuidSchema, versionId: UuidSchema })) {}
export class StoryJobParams extends createZodDto(z.strictObject({ id: UuidSchema, jobId: UuidSchema })) {}
export class StoryPageQueryDto extends createZodDto(PageQuerySchema) {}
export class VersionsQueryDto extends createZodDto(z.strictObject({ kind: ArtifactKindSchema })) {}
export class ExportQueryDto extends createZodDto(z.strictObject({ format: ExportFormatSchema })) {}

export class CreateStoryDto extends createZodDto(CreateStoryRequestSchema) {}
export class UpdateStoryDto extends createZodDto(UpdateStoryRequestSchema) {}
/** A POST with no body at all means `{}`: write it, from the cache when possible. */
export class StartPhaseDto extends createZodDto(z.preprocess((body) => body ?? {}, StartPhaseRequestSchema)) {}
export class EditTextArtifactDto extends createZodDto(EditTextArtifactRequestSchema) {}
export class EditOutlineDto extends createZodDto(EditOutlineRequestSchema) {}

export class StoryDto extends createZodDto(StorySchema) {}
export class StoryPageDto extends createZodDto(pageOf(StorySummarySchema)) {}
export class StoryArtifactDto extends createZodDto(StoryArtifactSchema) {}
export class StoryArtifactListDto extends createZodDto(z.array(StoryArtifactSchema)) {}
export class StartPhaseResponseDto extends createZodDto(StartPhaseResponseSchema) {}
export class StoryJobDto extends createZodDto(StoryJobSchema) {}
export class StoryJobResultDto extends createZodDto(StoryJobResultSchema) {}
export class StoryCacheStatsDto extends createZodDto(StoryCacheStatsSchema) {}
export class StoryBibleDto extends createZodDto(StoryBibleSchema) {}
export class UpdateStoryBibleDto extends createZodDto(UpdateStoryBibleRequestSchema) {}
export class RegenerateChapterDto extends createZodDto(RegenerateChapterRequestSchema) {}
export class StartRewriteDto extends createZodDto(StartRewriteRequestSchema) {}
export class StartRewriteResponseDto extends createZodDto(StartRewriteResponseSchema) {}
