import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { hasOpening, type GameSession, type GenerationStatus } from '@storyos/contracts';
import type { EntityManager, Repository } from 'typeorm';
import { entityFromRow } from '../../../core/database/entity-from-row';
import { findOneJoined } from '../../../core/database/find-one-joined';
import { prepared, type StatementRun } from '../../../core/database/prepared-statement';
import type { AuthUser } from '../../auth/auth-user';
import { GameErrors } from '../game.errors';
import type { HoldingGeneration } from '../turns/session-activity';
import { StoryCardEntity } from '../story-cards/story-card.entity';
import { GameMessageEntity } from './game-message.entity';
import { GameSessionEntity } from './game-session.entity';
import { toGameSession } from './game-session.mapper';

type OpeningFields = Pick<GameMessageEntity, 'role' | 'turn' | 'status' | 'content'>;

/**
 * A new turn's read: the session, locked for the rest of the transaction,
 * with its opening and the generation holding it (one round trip).
 *
 * A read that waited for the lock gets the session row as the other
 * transaction left it, but its subqueries still see the statement's starting
 * snapshot, which lacks a generation that transaction stored. The foreign key
 * clears a deleted generation's id, so an id whose row is not visible can only
 * be such a one: it counts as a generation just queued, which holds the session.
 */
const LOCK_FOR_TURN = prepared(`
  SELECT s.*, (
    SELECT json_agg(json_build_object('role', m.role, 'turn', m.turn, 'status', m.status, 'content', m.content))
    FROM game_messages m WHERE m.session_id = s.id AND m.turn = 0 AND m.role = 'narrator'
  ) AS opening, COALESCE((
    SELECT json_build_object('status', g.status, 'completedAt', g.completed_at) FROM generations g WHERE g.id = s.active_generation_id
  ), CASE WHEN s.active_generation_id IS NOT NULL THEN json_build_object('status', 'queued', 'completedAt', NULL) END) AS holding
  FROM game_sessions s
  WHERE s.id = $1 AND s.owner_id = $2
  FOR UPDATE OF s`);

/** What `LOCK_FOR_TURN` answers. */
export interface LockedForTurn {
  session: GameSessionEntity;
  opened: boolean;
  holding: HoldingGeneration | null;
}

/** Finds a player's own sessions; anyone else's answers exactly like a missing one. */
@Injectable()
export class OwnedSessions {
  constructor(@InjectRepository(GameSessionEntity) private readonly sessions: Repository<GameSessionEntity>) {}

  async find(user: AuthUser, id: string): Promise<GameSessionEntity> {
    const session = await findOneJoined(this.sessions.manager, GameSessionEntity, { id, ownerId: user.id }, { scenario: true });
    if (!session) throw GameErrors.sessionNotFound();
    return session;
  }

  /**
   * The session `lock` would lock, with its opening and the generation holding it, read by one statement
   * run where the caller needs it (a new turn's transaction, in its first round trip); `lockedForTurn`
   * reads its row.
   */
  lockForTurn(user: AuthUser, id: string): StatementRun {
    return { statement: LOCK_FOR_TURN, values: [id, user.id] };
  }

  lockedForTurn(row: (Record<string, unknown> & { opening?: OpeningFields[] | null; holding?: { status: GenerationStatus; completedAt: string | null } | null }) | undefined): LockedForTurn {
    if (!row) throw GameErrors.sessionNotFound();
    const holding = row.holding ? { status: row.holding.status, completedAt: row.holding.completedAt === null ? null : new Date(row.holding.completedAt) } : null;
    return { session: entityFromRow(this.sessions, row), opened: hasOpening(row.opening ?? []), holding };
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
