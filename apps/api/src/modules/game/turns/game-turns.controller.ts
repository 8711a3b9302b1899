import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { GameSession, GenerationAccepted } from '@storyos/contracts';
import { ZodResponse } from 'nestjs-zod';
import type { AuthUser } from '../../auth/auth-user';
import { CurrentUser } from '../../auth/guards/auth.decorators';
import { GameSessionDto, SessionIdParams } from '../sessions/game-sessions.dto';
import { GameTurnsService } from './game-turns.service';
import { GenerationAcceptedDto, PlayerTurnDto } from './game-turns.dto';
import { GameUndoService } from './game-undo.service';

@ApiTags('game')
@ApiBearerAuth()
@Controller('game/sessions/:id')
export class GameTurnsController {
  constructor(
    private readonly turns: GameTurnsService,
    private readonly undoer: GameUndoService,
  ) {}

  /** The player acts; the narrator's reply streams as `generationId`. One at a time per game (409 otherwise). */
  @Post('turns')
  @HttpCode(202)
  @ZodResponse({ status: 202, type: GenerationAcceptedDto })
  play(@CurrentUser() user: AuthUser, @Param() params: SessionIdParams, @Body() body: PlayerTurnDto): Promise<GenerationAccepted> {
    return this.turns.play(user, params.id, body.content);
  }

  /** The narrator goes on from the last reply, which the output cap cut off (`finishReason: length`); 409 when it was not. */
  @Post('continue')
  @HttpCode(202)
  @ZodResponse({ status: 202, type: GenerationAcceptedDto })
  continueReply(@CurrentUser() user: AuthUser, @Param() params: SessionIdParams): Promise<GenerationAccepted> {
    return this.turns.continueReply(user, params.id);
  }

  @Post('stop')
  @HttpCode(202)
  @ZodResponse({ status: 202, type: GenerationAcceptedDto })
  stop(@CurrentUser() user: AuthUser, @Param() params: SessionIdParams): Promise<GenerationAccepted> {
    return this.turns.stop(user, params.id);
  }

  /** Writes the last narrator reply again; the new one replaces the old. */
  @Post('regenerate')
  @HttpCode(202)
  @ZodResponse({ status: 202, type: GenerationAcceptedDto })
  regenerate(@CurrentUser() user: AuthUser, @Param() params: SessionIdParams): Promise<GenerationAccepted> {
    return this.turns.regenerate(user, params.id);
  }

  @Post('undo')
  @HttpCode(200)
  @ZodResponse({ status: 200, type: GameSessionDto })
  undo(@CurrentUser() user: AuthUser, @Param() params: SessionIdParams): Promise<GameSession> {
    return this.undoer.undo(user, params.id);
  }
}
