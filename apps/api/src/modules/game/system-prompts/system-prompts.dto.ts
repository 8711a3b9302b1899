import { CreateSystemPromptVersionRequestSchema, SystemPromptKindSchema, SystemPromptSchema } from '@storyos/contracts';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export class SystemPromptKindParams extends createZodDto(z.strictObject({ kind: SystemPromptKindSchema })) {}
export class SystemPromptVersionParams extends createZodDto(
  z.strictObject({ kind: SystemPromptKindSchema, version: z.coerce.number({ message: 'version must be a number' }).int().min(1) }),
) {}
export class CreateSystemPromptVersionDto extends createZodDto(CreateSystemPromptVersionRequestSchema) {}
export class SystemPromptDto extends createZodDto(SystemPromptSchema) {}
export class SystemPromptListDto extends createZodDto(z.array(SystemPromptSchema)) {}
