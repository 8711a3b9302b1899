import { Body, Controller, Delete, HttpCode, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { GameNotes, StoryCard } from '@storyos/contracts';
import { ZodResponse } from 'nestjs-zod';
import type { AuthUser } from '../../auth/auth-user';
import { CurrentUser } from '../../auth/guards/auth.decorators';
import { SessionIdParams } from '../sessions/game-sessions.dto';
import { GameNotesService } from './game-notes.service';
import { CreateStoryCardDto, GameNotesDto, StoryCardDto, StoryCardParams, UpdateGameNotesDto, UpdateStoryCardDto } from './story-cards.dto';
import { StoryCardsService } from './story-cards.service';

/** What the narrator keeps in mind for one game: memory, author's note, story cards. Edits name the version they were made from (409 when stale). */
@ApiTags('game')
@ApiBearerAuth()
@Controller('game/sessions/:id')
export class StoryCardsController {
  constructor(
    private readonly notes: GameNotesService,
    private readonly cards: StoryCardsService,
  ) {}

  /** Memory (always in the prompt) and author's note (near its end), saved together. */
  @Put('notes')
  @ZodResponse({ status: 200, type: GameNotesDto })
  updateNotes(@CurrentUser() user: AuthUser, @Param() params: SessionIdParams, @Body() body: UpdateGameNotesDto): Promise<GameNotes> {
    return this.notes.update(user, params.id, body);
  }

  @Post('story-cards')
  @ZodResponse({ status: 201, type: StoryCardDto })
  createCard(@CurrentUser() user: AuthUser, @Param() params: SessionIdParams, @Body() body: CreateStoryCardDto): Promise<StoryCard> {
    return this.cards.create(user, params.id, body);
  }

  @Patch('story-cards/:cardId')
  @ZodResponse({ status: 200, type: StoryCardDto })
  updateCard(@CurrentUser() user: AuthUser, @Param() params: StoryCardParams, @Body() body: UpdateStoryCardDto): Promise<StoryCard> {
    return this.cards.update(user, params.id, params.cardId, body);
  }

  @Delete('story-cards/:cardId')
  @HttpCode(204)
  async deleteCard(@CurrentUser() user: AuthUser, @Param() params: StoryCardParams): Promise<void> {
    await this.cards.delete(user, params.id, params.cardId);
  }
}
