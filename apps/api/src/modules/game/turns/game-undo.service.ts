import { Injectable } from '@nestjs/common';
import type { GameSession } from '@storyos/contracts';
import { DataSource } from 'typeorm';
import { RealtimePublisher } from '../../../core/realtime/realtime-publisher.service';
import type { AuthUser } from '../../auth/auth-user';
import { GameErrors } from '../game.errors';
import { GameMessageEntity } from '../sessions/game-message.entity';
import { GameSessionEntity } from '../sessions/game-session.entity';
import { OwnedSessions } from '../sessions/owned-sessions';
import { StateSnapshotEntity } from '../world-state/state-snapshot.entity';
import { assertIdle } from './session-activity';

/** Takes back the last turn: the action, its reply, and what it changed in the world. */
@Injectable()
export class GameUndoService {
  constructor(
    private readonly owned: OwnedSessions,
    private readonly dataSource: DataSource,
    private readonly realtime: RealtimePublisher,
  ) {}

  async undo(user: AuthUser, sessionId: string): Promise<GameSession> {
    const state = await this.dataSource.transaction(async (manager) => {
      const session = await this.owned.lock(manager, user, sessionId);
      await assertIdle(manager, session);
      const turn = session.turnCount;
      if (turn === 0) throw GameErrors.nothingToUndo();
      const before = await manager.findOneBy(StateSnapshotEntity, { sessionId, turn });
      const restored = before?.state ?? session.state;
      await manager.delete(GameMessageEntity, { sessionId, turn });
      await manager.delete(StateSnapshotEntity, { sessionId, turn });
      await manager.update(GameSessionEntity, { id: sessionId }, { state: restored, turnCount: turn - 1, activeGenerationId: null, lastPlayedAt: new Date() });
      return restored;
    });
    // Other tabs showing this game follow along.
    this.realtime.toUser(user.id, 'game:state', { sessionId, state });
    return this.owned.view(user, sessionId);
  }
}
