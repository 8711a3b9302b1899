import { Body, Controller, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { GameSession, GenerationAccepted } from '@storyos/contracts';
import { ZodResponse } from 'nestjs-zod';
import type { AuthUser } from '../../auth/auth-user';
import { CurrentUser } from '../../auth/guards/auth.decorators';
import { GameSessionDto, SessionIdParams } from '../sessions/game-sessions.dto';
import { GameEditsService } from './game-edits.service';
import { GameSwipesService } from './game-swipes.service';
import { GameTurnsService } from './game-turns.service';
import { ChooseSwipeDto, EditGameMessageDto, GenerationAcceptedDto, MessageParams, PlayerTurnDto, StopDto } from './game-turns.dto';
import { GameUndoService } from './game-undo.service';

@ApiTags('game')
@ApiBearerAuth()
@Controller('game/sessions/:id')
export class GameTurnsController {
  constructor(
    private readonly turns: GameTurnsService,
    private readonly undoer: GameUndoService,
    private readonly swipes: GameSwipesService,
    private readonly edits: GameEditsService,
  ) {}

  /**
   * The player acts (`do`), speaks (`say`) or writes into the story
   * (`story`); the narrator's reply streams as `generationId`. One at a time
   * per game (409 otherwise).
   */
  @Post('turns')
  @HttpCode(202)
  @ZodResponse({ status: 202, type: GenerationAcceptedDto })
  play(@CurrentUser() user: AuthUser, @Param() params: SessionIdParams, @Body() body: PlayerTurnDto): Promise<GenerationAccepted> {
    return this.turns.play(user, params.id, body.content, body.mode);
  }

  /** The narrator goes on without new input: a reply the output cap cut off is continued, otherwise a new passage is written as a turn of its own. */
  @Post('continue')
  @HttpCode(202)
  @ZodResponse({ status: 202, type: GenerationAcceptedDto })
  continueStory(@CurrentUser() user: AuthUser, @Param() params: SessionIdParams): Promise<GenerationAccepted> {
    return this.turns.continueStory(user, params.id);
  }

  /** Stops whatever is being written; `shownChars` (optional): the kept reply ends where the reader's screen did. */
  @Post('stop')
  @HttpCode(202)
  @ZodResponse({ status: 202, type: GenerationAcceptedDto })
  stop(@CurrentUser() user: AuthUser, @Param() params: SessionIdParams, @Body() body: StopDto): Promise<GenerationAccepted> {
    return this.turns.stop(user, params.id, body.shownChars);
  }

  /** Writes the last narrator reply again with a new seed; the old one is kept as an alternative (a swipe). */
  @Post('regenerate')
  @HttpCode(202)
  @ZodResponse({ status: 202, type: GenerationAcceptedDto })
  regenerate(@CurrentUser() user: AuthUser, @Param() params: SessionIdParams): Promise<GenerationAccepted> {
    return this.turns.regenerate(user, params.id);
  }

  /** Chooses which alternative of the last reply feeds the story; the world state follows it. */
  @Post('swipe')
  @HttpCode(200)
  @ZodResponse({ status: 200, type: GameSessionDto })
  swipe(@CurrentUser() user: AuthUser, @Param() params: SessionIdParams, @Body() body: ChooseSwipeDto): Promise<GameSession> {
    return this.swipes.choose(user, params.id, body.index);
  }

  /** Rewrites a reply or an action by hand, over the revision the editor showed (409 when stale). */
  @Patch('messages/:messageId')
  @ZodResponse({ status: 200, type: GameSessionDto })
  edit(@CurrentUser() user: AuthUser, @Param() params: MessageParams, @Body() body: EditGameMessageDto): Promise<GameSession> {
    return this.edits.edit(user, params.id, params.messageId, body);
  }

  @Post('undo')
  @HttpCode(200)
  @ZodResponse({ status: 200, type: GameSessionDto })
  undo(@CurrentUser() user: AuthUser, @Param() params: SessionIdParams): Promise<GameSession> {
    return this.undoer.undo(user, params.id);
  }
}
