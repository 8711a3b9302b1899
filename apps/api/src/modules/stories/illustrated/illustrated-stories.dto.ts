import {
  CreateIllustratedStoryRequestSchema,
  IllustratedSceneParamsSchema,
  IllustratedStoryAcceptedSchema,
  IllustratedStoryIdParamsSchema,
  IllustratedStoryListQuerySchema,
  IllustratedStoryListSchema,
  IllustratedStorySchema,
  IllustratedStoryStatusSchema,
} from '@storyos/contracts';
import { createZodDto } from 'nestjs-zod';

export class CreateIllustratedStoryDto extends createZodDto(CreateIllustratedStoryRequestSchema) {}
export class IllustratedStoryAcceptedDto extends createZodDto(IllustratedStoryAcceptedSchema) {}
export class IllustratedStoryDto extends createZodDto(IllustratedStorySchema) {}
export class IllustratedStoryStatusDto extends createZodDto(IllustratedStoryStatusSchema) {}
export class IllustratedStoryListDto extends createZodDto(IllustratedStoryListSchema) {}
export class IllustratedStoryListQueryDto extends createZodDto(IllustratedStoryListQuerySchema) {}
export class IllustratedStoryIdParams extends createZodDto(IllustratedStoryIdParamsSchema) {}
export class IllustratedSceneParams extends createZodDto(IllustratedSceneParamsSchema) {}
