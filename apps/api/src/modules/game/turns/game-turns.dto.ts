import { GenerationAcceptedSchema, PlayerTurnRequestSchema } from '@storyos/contracts';
import { createZodDto } from 'nestjs-zod';

export class PlayerTurnDto extends createZodDto(PlayerTurnRequestSchema) {}
export class GenerationAcceptedDto extends createZodDto(GenerationAcceptedSchema) {}
