import type { PlayerTurnMode } from '@storyos/contracts';
import type { DataSource } from 'typeorm';
import { insertStatement, rowOf } from '../../../core/database/insert-statement';
import type { BuiltStatement } from '../../../core/database/one-statement';
import { GameMessageEntity } from '../sessions/game-message.entity';
import type { GameSessionEntity } from '../sessions/game-session.entity';
import { StateSnapshotEntity } from '../world-state/state-snapshot.entity';

export interface TurnRows {
  /** The session, locked by the caller's transaction. */
  session: GameSessionEntity;
  turn: number;
  content: string;
  mode: PlayerTurnMode;
  /** The narrator reply's generation. */
  generationId: string;
}

/**
 * A new turn's rows, as statements to run as one with its generation's
 * (`startFromRead`): the world as it stands, which undoing the turn goes back
 * to (replacing a snapshot an undone turn left), the player's message, the
 * narrator's reply to be written, and the session, now held by that reply.
 */
export function turnStatements(dataSource: DataSource, rows: TurnRows): BuiltStatement[] {
  const { session, turn, content, mode, generationId } = rows;
  const snapshot = insertStatement(dataSource, rowOf(StateSnapshotEntity, { sessionId: session.id, turn, state: session.state }));
  return [
    { sql: `${snapshot.sql} ON CONFLICT ("session_id", "turn") DO UPDATE SET "state" = EXCLUDED."state" RETURNING "turn"`, parameters: snapshot.parameters },
    insertStatement(dataSource, rowOf(GameMessageEntity, { sessionId: session.id, role: 'player', content, mode, turn, generationId: null, status: null, error: null })),
    insertStatement(dataSource, rowOf(GameMessageEntity, { sessionId: session.id, role: 'narrator', content: '', turn, generationId, status: 'streaming', error: null })),
    {
      sql: 'UPDATE "game_sessions" SET "turn_count" = $1, "active_generation_id" = $2, "last_played_at" = $3, "updated_at" = now() WHERE "id" = $4',
      parameters: [turn, generationId, new Date(), session.id],
    },
  ];
}
