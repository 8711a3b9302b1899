import { CreateScenarioRequestSchema, pageOf, ScenarioListQuerySchema, ScenarioSchema, UpdateScenarioRequestSchema, UuidSchema } from '@storyos/contracts';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export class ScenarioIdParams extends createZodDto(z.strictObject({ id: UuidSchema })) {}
export class CreateScenarioDto extends createZodDto(CreateScenarioRequestSchema) {}
export class UpdateScenarioDto extends createZodDto(UpdateScenarioRequestSchema) {}
export class ScenarioListQueryDto extends createZodDto(ScenarioListQuerySchema) {}
export class ScenarioDto extends createZodDto(ScenarioSchema) {}
export class ScenarioPageDto extends createZodDto(pageOf(ScenarioSchema)) {}
