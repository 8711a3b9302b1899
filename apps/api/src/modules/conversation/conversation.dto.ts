import {
  ChatAllowanceSchema,
  ChatDetailSchema,
  ChatIdQuerySchema,
  ChatMessageIdParamsSchema,
  ChatSummarySchema,
  DeletedCountSchema,
  DeleteDocumentVersionsQuerySchema,
  DocumentIdQuerySchema,
  DocumentVersionSchema,
  HistoryPageSchema,
  HistoryQuerySchema,
  MediaAssetSchema,
  PostChatRequestSchema,
  ResolveSuggestionRequestSchema,
  ResolveSuggestionResponseSchema,
  SaveDocumentRequestSchema,
  SuggestionSchema,
  SuggestionsQuerySchema,
  UpdateChatVisibilityRequestSchema,
  VoteRequestSchema,
  VoteSchema,
  VotesQuerySchema,
} from '@storyos/contracts';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export class PostChatRequestDto extends createZodDto(PostChatRequestSchema) {}
export class ChatIdQueryDto extends createZodDto(ChatIdQuerySchema) {}
export class ChatIdParamsDto extends createZodDto(ChatMessageIdParamsSchema) {}
export class ChatDetailDto extends createZodDto(ChatDetailSchema) {}
export class ChatSummaryDto extends createZodDto(ChatSummarySchema) {}
export class ChatAllowanceDto extends createZodDto(ChatAllowanceSchema) {}
export class UpdateChatVisibilityDto extends createZodDto(UpdateChatVisibilityRequestSchema) {}
export class HistoryQueryDto extends createZodDto(HistoryQuerySchema) {}
export class HistoryPageDto extends createZodDto(HistoryPageSchema) {}
export class DeletedCountDto extends createZodDto(DeletedCountSchema) {}
export class VotesQueryDto extends createZodDto(VotesQuerySchema) {}
export class VoteRequestDto extends createZodDto(VoteRequestSchema) {}
export class VoteDto extends createZodDto(VoteSchema) {}
export class VoteListDto extends createZodDto(z.array(VoteSchema)) {}
export class DocumentIdQueryDto extends createZodDto(DocumentIdQuerySchema) {}
export class DeleteDocumentVersionsQueryDto extends createZodDto(DeleteDocumentVersionsQuerySchema) {}
export class SaveDocumentRequestDto extends createZodDto(SaveDocumentRequestSchema) {}
export class DocumentVersionDto extends createZodDto(DocumentVersionSchema) {}
export class DocumentVersionListDto extends createZodDto(z.array(DocumentVersionSchema)) {}
export class SuggestionsQueryDto extends createZodDto(SuggestionsQuerySchema) {}
export class SuggestionListDto extends createZodDto(z.array(SuggestionSchema)) {}
export class ResolveSuggestionRequestDto extends createZodDto(ResolveSuggestionRequestSchema) {}
export class ResolveSuggestionResponseDto extends createZodDto(ResolveSuggestionResponseSchema) {}
export class UploadedFileDto extends createZodDto(MediaAssetSchema) {}
