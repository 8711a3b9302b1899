import { Injectable } from '@nestjs/common';
import type { EditGameMessageRequest, GameSession } from '@storyos/contracts';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../../auth/auth-user';
import { GameErrors } from '../game.errors';
import { GameMessageEntity } from '../sessions/game-message.entity';
import { toGameMessage } from '../sessions/game-session.mapper';
import { OwnedSessions } from '../sessions/owned-sessions';
import { WorldStateFollowUp } from '../world-state/world-state-follow-up';
import { assertIdle } from './session-activity';

/**
 * Rewriting any part of the story by hand: a reply or an action. Later
 * turns read the new words; an edit of the last turn brings the world
 * state up to date with it.
 */
@Injectable()
export class GameEditsService {
  constructor(
    private readonly owned: OwnedSessions,
    private readonly dataSource: DataSource,
    private readonly followUp: WorldStateFollowUp,
  ) {}

  async edit(user: AuthUser, sessionId: string, messageId: string, request: EditGameMessageRequest): Promise<GameSession> {
    const { lastTurn } = await this.dataSource.transaction(async (manager) => {
      const session = await this.owned.lock(manager, user, sessionId);
      await assertIdle(manager, session);
      const message = await manager.findOneBy(GameMessageEntity, { id: messageId, sessionId });
      if (!message) throw GameErrors.messageNotFound();
      if (message.revision !== request.baseRevision) throw GameErrors.messageChangedMeanwhile(toGameMessage(message));
      if (message.role === 'player' && message.mode === 'continue') throw GameErrors.messageNotFound();
      const edited =
        message.role === 'narrator'
          ? // Words written by hand are a whole reply: no longer failed, stopped short or cut off.
            { content: request.content, revision: message.revision + 1, status: 'completed' as const, error: null, finishReason: null }
          : { content: request.content, revision: message.revision + 1 };
      await manager.update(GameMessageEntity, { id: message.id }, edited);
      return { lastTurn: message.turn === session.turnCount };
    });
    if (lastTurn) await this.followUp.restart(user, sessionId);
    return this.owned.view(user, sessionId);
  }
}
