import { isTerminalStatus } from '@storyos/contracts';
import type { EntityManager } from 'typeorm';
import { GenerationEntity } from '../../generation/entities/generation.entity';
import { GameErrors } from '../game.errors';
import type { GameSessionEntity } from '../sessions/game-session.entity';

/**
 * A finished reply keeps holding its session until its world-state step
 * takes over (moments later, in the worker). If that hand-over never came —
 * the worker died in between — the hold lapses after this long.
 */
const LOST_FOLLOW_UP_MS = 2 * 60_000;

/** What `ensureIdle` needs of the generation holding a session. */
export type HoldingGeneration = Pick<GenerationEntity, 'status' | 'completedAt'>;

/** Refuses new input while a generation holds the session. Call it with the session row locked. */
export async function assertIdle(manager: EntityManager, session: GameSessionEntity, now = new Date()): Promise<void> {
  if (!session.activeGenerationId) return;
  ensureIdle(await manager.findOneBy(GenerationEntity, { id: session.activeGenerationId }), now);
}

/** `assertIdle` given the session's holding generation, read with the locked row (null: none, or gone). */
export function ensureIdle(holding: HoldingGeneration | null, now = new Date()): void {
  if (!holding) return;
  if (!isTerminalStatus(holding.status)) throw GameErrors.busy();
  const finishedAt = holding.completedAt?.getTime() ?? 0;
  if (now.getTime() - finishedAt < LOST_FOLLOW_UP_MS) throw GameErrors.busy();
}
