import { Body, Controller, Delete, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { DeletedCount, DocumentVersion, ResolveSuggestionResponse, Suggestion } from '@storyos/contracts';
import { ZodResponse } from 'nestjs-zod';
import type { AuthUser } from '../../auth/auth-user';
import { CurrentUser } from '../../auth/guards/auth.decorators';
import {
  ChatIdParamsDto,
  DeletedCountDto,
  DeleteDocumentVersionsQueryDto,
  DocumentIdQueryDto,
  DocumentVersionDto,
  DocumentVersionListDto,
  ResolveSuggestionRequestDto,
  ResolveSuggestionResponseDto,
  SaveDocumentRequestDto,
  SuggestionListDto,
  SuggestionsQueryDto,
} from '../conversation.dto';
import { DocumentsService } from './documents.service';
import { SuggestionsService } from './suggestions.service';

@ApiTags('chat')
@ApiBearerAuth()
@Controller()
export class DocumentsController {
  constructor(
    private readonly documents: DocumentsService,
    private readonly suggestions: SuggestionsService,
  ) {}

  /** Every version of a document, oldest first (mine, or one in a public chat). */
  @Get('document')
  @ZodResponse({ status: 200, type: DocumentVersionListDto })
  list(@CurrentUser() user: AuthUser, @Query() query: DocumentIdQueryDto): Promise<DocumentVersion[]> {
    return this.documents.list(user, query.id);
  }

  /** Saves my edit as a new version; with `baseVersion`, a newer version saved meanwhile is answered 409 with it in `details.current`. */
  @Post('document')
  @ZodResponse({ status: 201, type: DocumentVersionDto })
  save(@CurrentUser() user: AuthUser, @Query() query: DocumentIdQueryDto, @Body() body: SaveDocumentRequestDto): Promise<DocumentVersion> {
    return this.documents.save(user, query.id, body);
  }

  /** Goes back to the version made at `timestamp`: the versions after it are deleted. */
  @Delete('document')
  @ZodResponse({ status: 200, type: DeletedCountDto })
  deleteAfter(@CurrentUser() user: AuthUser, @Query() query: DeleteDocumentVersionsQueryDto): Promise<DeletedCount> {
    return this.documents.deleteAfter(user, query.id, query.timestamp);
  }

  /** The suggestions made for a document, oldest first. */
  @Get('suggestions')
  @ZodResponse({ status: 200, type: SuggestionListDto })
  listSuggestions(@CurrentUser() user: AuthUser, @Query() query: SuggestionsQueryDto): Promise<Suggestion[]> {
    return this.suggestions.list(user, query.documentId);
  }

  /** Accepts a suggestion (applied as a new version of the document) or rejects it. */
  @Patch('suggestions/:id')
  @ZodResponse({ status: 200, type: ResolveSuggestionResponseDto })
  resolve(@CurrentUser() user: AuthUser, @Param() params: ChatIdParamsDto, @Body() body: ResolveSuggestionRequestDto): Promise<ResolveSuggestionResponse> {
    return this.suggestions.resolve(user, params.id, body);
  }
}
