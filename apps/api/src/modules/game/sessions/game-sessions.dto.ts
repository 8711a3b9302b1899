import { CreateGameSessionRequestSchema, CreateGameSessionResponseSchema, GameSessionSchema, GameSessionSummarySchema, pageOf, PageQuerySchema, RenameGameSessionRequestSchema, UuidSchema } from '@storyos/contracts';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export class SessionIdParams extends createZodDto(z.strictObject({ id: UuidSchema })) {}
export class CreateGameSessionDto extends createZodDto(CreateGameSessionRequestSchema) {}
export class CreateGameSessionResponseDto extends createZodDto(CreateGameSessionResponseSchema) {}
export class RenameGameSessionDto extends createZodDto(RenameGameSessionRequestSchema) {}
export class SessionPageQueryDto extends createZodDto(PageQuerySchema) {}
export class GameSessionDto extends createZodDto(GameSessionSchema) {}
export class GameSessionPageDto extends createZodDto(pageOf(GameSessionSummarySchema)) {}
