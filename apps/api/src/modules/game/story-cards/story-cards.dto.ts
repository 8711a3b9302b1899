import { CreateStoryCardRequestSchema, GameNotesSchema, StoryCardSchema, UpdateGameNotesRequestSchema, UpdateStoryCardRequestSchema, UuidSchema } from '@storyos/contracts';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export class StoryCardParams extends createZodDto(z.strictObject({ id: UuidSchema, cardId: UuidSchema })) {}
export class UpdateGameNotesDto extends createZodDto(UpdateGameNotesRequestSchema) {}
export class GameNotesDto extends createZodDto(GameNotesSchema) {}
export class CreateStoryCardDto extends createZodDto(CreateStoryCardRequestSchema) {}
export class UpdateStoryCardDto extends createZodDto(UpdateStoryCardRequestSchema) {}
export class StoryCardDto extends createZodDto(StoryCardSchema) {}
