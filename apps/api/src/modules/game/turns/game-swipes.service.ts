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
import { chooseSwipe } from './reply-swipes';
import { assertIdle } from './session-activity';

/** Moving between the last reply's alternatives: the chosen one feeds the story, and the world follows it. */
@Injectable()
export class GameSwipesService {
  constructor(
    private readonly owned: OwnedSessions,
    private readonly dataSource: DataSource,
    private readonly realtime: RealtimePublisher,
  ) {}

  async choose(user: AuthUser, sessionId: string, index: number): Promise<GameSession> {
    const state = await this.dataSource.transaction(async (manager) => {
      const session = await this.owned.lock(manager, user, sessionId);
      await assertIdle(manager, session);
      const reply = await manager.findOne(GameMessageEntity, { where: { sessionId, role: 'narrator' }, order: { turn: 'DESC' } });
      if (!reply) throw GameErrors.nothingToSwipe();
      const count = Math.max(1, reply.swipes.length);
      if (index >= count) throw GameErrors.noSuchSwipe(count);
      if (index === reply.swipeIndex) return session.state;
      const { columns, stateAfter } = chooseSwipe(reply, index, session.state);
      // An alternative kept before the world was recorded with it goes back to the world before its turn.
      const restored = stateAfter ?? (await manager.findOneBy(StateSnapshotEntity, { sessionId, turn: reply.turn }))?.state ?? session.state;
      await manager.update(GameMessageEntity, { id: reply.id }, { ...columns, revision: reply.revision + 1 });
      await manager.update(GameSessionEntity, { id: sessionId }, { state: restored, activeGenerationId: null, lastPlayedAt: new Date() });
      return restored;
    });
    this.realtime.toUser(user.id, 'game:state', { sessionId, state });
    return this.owned.view(user, sessionId);
  }
}
