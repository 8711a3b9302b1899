import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { GameSession } from '@storyos/contracts';
import type { EntityManager, Repository } from 'typeorm';
import { findOneJoined } from '../../../core/database/find-one-joined';
import type { AuthUser } from '../../auth/auth-user';
import { GameErrors } from '../game.errors';
import { StoryCardEntity } from '../story-cards/story-card.entity';
import { GameMessageEntity } from './game-message.entity';
import { GameSessionEntity } from './game-session.entity';
import { toGameSession } from './game-session.mapper';

/** Finds a player's own sessions; anyone else's answers exactly like a missing one. */
@Injectable()
export class OwnedSessions {
  constructor(@InjectRepository(GameSessionEntity) private readonly sessions: Repository<GameSessionEntity>) {}

  async find(user: AuthUser, id: string): Promise<GameSessionEntity> {
    const session = await findOneJoined(this.sessions.manager, GameSessionEntity, { id, ownerId: user.id }, { scenario: true });
    if (!session) throw GameErrors.sessionNotFound();
    return session;
  }

  /** Locks the row for the rest of the transaction, so only one change to the story happens at a time. */
  async lock(manager: EntityManager, user: AuthUser, id: string): Promise<GameSessionEntity> {
    const session = await manager.findOne(GameSessionEntity, { where: { id, ownerId: user.id }, lock: { mode: 'pessimistic_write' } });
    if (!session) throw GameErrors.sessionNotFound();
    return session;
  }

  /** The whole session as the player sees it. */
  async view(user: AuthUser, id: string): Promise<GameSession> {
    const session = await this.find(user, id);
    const messages = await this.sessions.manager
      .createQueryBuilder(GameMessageEntity, 'm')
      .where('m.session_id = :id', { id })
      .orderBy('m.turn', 'ASC')
      // 'player' sorts after 'narrator', so DESC puts the action before the reply to it.
      .addOrderBy('m.role', 'DESC')
      .getMany();
    const cards = await this.sessions.manager.find(StoryCardEntity, { where: { sessionId: id }, order: { createdAt: 'ASC', id: 'ASC' } });
    return toGameSession(session, messages, cards);
  }
}
