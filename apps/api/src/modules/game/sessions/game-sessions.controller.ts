import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { CreateGameSessionResponse, GameSession, GameSessionSummary, Page } from '@storyos/contracts';
import { ZodResponse } from 'nestjs-zod';
import type { AuthUser } from '../../auth/auth-user';
import { CurrentUser } from '../../auth/guards/auth.decorators';
import { CreateGameSessionDto, CreateGameSessionResponseDto, GameSessionDto, GameSessionPageDto, RenameGameSessionDto, SessionIdParams, SessionPageQueryDto } from './game-sessions.dto';
import { GameSessionsService } from './game-sessions.service';
import { OwnedSessions } from './owned-sessions';

@ApiTags('game')
@ApiBearerAuth()
@Controller('game/sessions')
export class GameSessionsController {
  constructor(
    private readonly sessions: GameSessionsService,
    private readonly owned: OwnedSessions,
  ) {}

  /** Starts a game; the opening streams at once as `generationId`. */
  @Post()
  @ZodResponse({ status: 201, type: CreateGameSessionResponseDto })
  create(@CurrentUser() user: AuthUser, @Body() body: CreateGameSessionDto): Promise<CreateGameSessionResponse> {
    return this.sessions.create(user, body);
  }

  @Get()
  @ZodResponse({ status: 200, type: GameSessionPageDto })
  list(@CurrentUser() user: AuthUser, @Query() query: SessionPageQueryDto): Promise<Page<GameSessionSummary>> {
    return this.sessions.list(user, query);
  }

  /** Messages, world state and the generation running now, if any. */
  @Get(':id')
  @ZodResponse({ status: 200, type: GameSessionDto })
  get(@CurrentUser() user: AuthUser, @Param() params: SessionIdParams): Promise<GameSession> {
    return this.owned.view(user, params.id);
  }

  @Patch(':id')
  @ZodResponse({ status: 200, type: GameSessionDto })
  rename(@CurrentUser() user: AuthUser, @Param() params: SessionIdParams, @Body() body: RenameGameSessionDto): Promise<GameSession> {
    return this.sessions.rename(user, params.id, body.title);
  }

  @Delete(':id')
  @HttpCode(204)
  async delete(@CurrentUser() user: AuthUser, @Param() params: SessionIdParams): Promise<void> {
    await this.sessions.delete(user, params.id);
  }
}
