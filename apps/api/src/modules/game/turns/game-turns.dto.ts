import { ChooseSwipeRequestSchema, EditGameMessageRequestSchema, GenerationAcceptedSchema, PlayerTurnRequestSchema, StopRequestSchema, UuidSchema } from '@storyos/contracts';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export class PlayerTurnDto extends createZodDto(PlayerTurnRequestSchema) {}
export class GenerationAcceptedDto extends createZodDto(GenerationAcceptedSchema) {}
export class ChooseSwipeDto extends createZodDto(ChooseSwipeRequestSchema) {}
export class EditGameMessageDto extends createZodDto(EditGameMessageRequestSchema) {}
/** Stop has always been a bare POST: no body is the same as an empty one. */
export class StopDto extends createZodDto(z.preprocess((body) => body ?? {}, StopRequestSchema)) {}
export class MessageParams extends createZodDto(z.strictObject({ id: UuidSchema, messageId: UuidSchema })) {}
