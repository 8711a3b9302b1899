import {
  ConversationHistoryQuerySchema,
  ConversationHistorySchema,
  ConversationIdParamsSchema,
  ConversationMessageAcceptedSchema,
  ConversationMessageParamsSchema,
  ConversationNarrationAcceptedSchema,
  ConversationRequirementsStateSchema,
  SendConversationMessageRequestSchema,
  StartConversationRequestSchema,
  StoryConversationSchema,
  UpdateConversationRequirementsRequestSchema,
} from '@storyos/contracts';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

/** A POST with no body at all means `{}`. */
export class StartConversationDto extends createZodDto(z.preprocess((body) => body ?? {}, StartConversationRequestSchema)) {}
export class SendConversationMessageDto extends createZodDto(SendConversationMessageRequestSchema) {}
export class UpdateConversationRequirementsDto extends createZodDto(UpdateConversationRequirementsRequestSchema) {}
export class ConversationHistoryQueryDto extends createZodDto(ConversationHistoryQuerySchema) {}
export class ConversationIdParams extends createZodDto(ConversationIdParamsSchema) {}
export class ConversationMessageParams extends createZodDto(ConversationMessageParamsSchema) {}
export class StoryConversationDto extends createZodDto(StoryConversationSchema) {}
export class ConversationHistoryDto extends createZodDto(ConversationHistorySchema) {}
export class ConversationRequirementsStateDto extends createZodDto(ConversationRequirementsStateSchema) {}
export class ConversationMessageAcceptedDto extends createZodDto(ConversationMessageAcceptedSchema) {}
export class ConversationNarrationAcceptedDto extends createZodDto(ConversationNarrationAcceptedSchema) {}
