import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { CreateGameSessionRequest, CreateGameSessionResponse, GameSession, GameSessionSummary, Page, PageQuery } from '@storyos/contracts';
import { randomUUID } from 'node:crypto';
import type { Repository } from 'typeorm';
import { rowOf } from '../../../core/database/insert-statement';
import type { AuthUser } from '../../auth/auth-user';
import { GenerationsService } from '../../generation/generations.service';
import { ScenariosService } from '../scenarios/scenarios.service';
import { StateSnapshotEntity } from '../world-state/state-snapshot.entity';
import { GameMessageEntity } from './game-message.entity';
import { GameSessionEntity } from './game-session.entity';
import { type SessionSummaryRow, toGameSessionSummary } from './game-session.mapper';
import { InitialStates } from './initial-states';
import { OwnedSessions } from './owned-sessions';

// The join is many-to-one, so LIMIT counts sessions.
const SESSION_PAGE_SQL = `
  SELECT s.id, s.title, s.scenario_id, s.turn_count, s.last_played_at, s.created_at, sc.name AS scenario_name
  FROM game_sessions s LEFT JOIN scenarios sc ON sc.id = s.scenario_id
  WHERE s.owner_id = $1
  ORDER BY s.last_played_at DESC, s.id ASC
  LIMIT $2 OFFSET $3`;
const SESSION_COUNT_SQL = 'SELECT count(*)::int AS total FROM game_sessions WHERE owner_id = $1';

/** A player's games: start one from a scenario, list, load, rename, delete. */
@Injectable()
export class GameSessionsService {
  private readonly initialStates = new InitialStates();

  constructor(
    @InjectRepository(GameSessionEntity) private readonly sessions: Repository<GameSessionEntity>,
    private readonly owned: OwnedSessions,
    private readonly scenarios: ScenariosService,
    private readonly generations: GenerationsService,
  ) {}

  /** Stores the session, its first snapshot and the opening's narrator message with the generation, in one statement. */
  async create(user: AuthUser, request: CreateGameSessionRequest): Promise<CreateGameSessionResponse> {
    const id = randomUUID();
    const started = await this.generations.startFromRead(user, 'game.opening', this.scenarios.playableRead(request.scenarioId), (row, generationId) => {
      const scenario = this.scenarios.playable(user, row);
      const state = this.initialStates.of(scenario);
      const inserts = [
        rowOf(GameSessionEntity, {
          id,
          ownerId: user.id,
          scenarioId: scenario.id,
          title: request.title ?? scenario.name,
          playerName: scenario.playerName,
          playerRole: scenario.playerRole,
          state,
          turnCount: 0,
          activeGenerationId: generationId,
          lastPlayedAt: new Date(),
        }),
        rowOf(StateSnapshotEntity, { sessionId: id, turn: 0, state }),
        rowOf(GameMessageEntity, { sessionId: id, role: 'narrator', content: '', turn: 0, generationId, status: 'streaming', error: null }),
      ];
      return { target: { type: 'game-session', id }, input: { turn: 0 }, inserts, result: undefined };
    });
    return { id, generationId: started.generationId };
  }

  /**
   * Most recently played first: the page and the count, side by side. Plain SQL: the players' list is
   * the hottest read, and building and hydrating it through the query builder cost more than the queries.
   */
  async list(user: AuthUser, query: PageQuery): Promise<Page<GameSessionSummary>> {
    const [rows, counted] = await Promise.all([
      this.sessions.query(SESSION_PAGE_SQL, [user.id, query.pageSize, (query.page - 1) * query.pageSize]) as Promise<SessionSummaryRow[]>,
      this.sessions.query(SESSION_COUNT_SQL, [user.id]) as Promise<{ total: number }[]>,
    ]);
    return { items: rows.map(toGameSessionSummary), page: query.page, pageSize: query.pageSize, total: counted[0]?.total ?? 0 };
  }

  async rename(user: AuthUser, id: string, title: string): Promise<GameSession> {
    const session = await this.owned.find(user, id);
    await this.sessions.update({ id: session.id }, { title });
    return this.owned.view(user, id);
  }

  /** Its messages and snapshots go with it; a reply still being written is stopped. */
  async delete(user: AuthUser, id: string): Promise<void> {
    const session = await this.owned.find(user, id);
    await this.sessions.delete({ id: session.id, ownerId: user.id });
    if (session.activeGenerationId) await this.generations.stop(user, session.activeGenerationId).catch(() => undefined);
  }
}
