import { Injectable } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../../auth/auth-user';
import type { GenerationEntity } from '../../generation/entities/generation.entity';
import { GenerationsService } from '../../generation/generations.service';
import { GameSessionEntity } from '../sessions/game-session.entity';
import { turnOf } from '../turns/turn-input';

/** Thrown inside the transaction when the session moved on, so nothing is stored. */
class HandOverDeclined extends Error {}

/**
 * After a completed narrator reply, the world-state step takes the session
 * over from it. It is part of the turn the player already paid for, so it
 * does not count against the daily quota again.
 */
@Injectable()
export class WorldStateFollowUp {
  constructor(
    private readonly generations: GenerationsService,
    private readonly dataSource: DataSource,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext(WorldStateFollowUp.name);
  }

  async start(reply: GenerationEntity): Promise<void> {
    const sessionId = reply.targetId;
    // Only the id matters when no quota is charged.
    const owner: AuthUser = { id: reply.ownerId, role: 'user', isGuest: false };
    try {
      await this.generations.start(
        owner,
        { kind: 'game.world-state', target: { type: 'game-session', id: sessionId }, input: { turn: turnOf(reply), replyGenerationId: reply.id } },
        async (manager, generation) => {
          const session = await manager.findOne(GameSessionEntity, { where: { id: sessionId }, lock: { mode: 'pessimistic_write' } });
          if (!session || session.activeGenerationId !== reply.id) throw new HandOverDeclined();
          await manager.update(GameSessionEntity, { id: sessionId }, { activeGenerationId: generation.id });
        },
        { chargeQuota: false },
      );
    } catch (error) {
      if (error instanceof HandOverDeclined) return;
      // Never leave the game held by a reply whose follow-up could not start.
      await this.dataSource.manager.update(GameSessionEntity, { id: sessionId, activeGenerationId: reply.id }, { activeGenerationId: null });
      this.logger.error({ err: error, generationId: reply.id, userId: reply.ownerId, sessionId }, 'Could not start the world-state step');
    }
  }

  /**
   * The last turn was edited by hand: its world is worked out again from the
   * new words. Best effort: the edit stands even if the step cannot start.
   */
  async restart(owner: AuthUser, sessionId: string): Promise<void> {
    try {
      await this.generations.start(
        owner,
        { kind: 'game.world-state', target: { type: 'game-session', id: sessionId }, input: { turn: await this.lastTurn(sessionId), edited: true } },
        async (manager, generation) => {
          const session = await manager.findOne(GameSessionEntity, { where: { id: sessionId, ownerId: owner.id }, lock: { mode: 'pessimistic_write' } });
          if (!session || session.activeGenerationId !== null) throw new HandOverDeclined();
          await manager.update(GameSessionEntity, { id: sessionId }, { activeGenerationId: generation.id });
        },
        { chargeQuota: false },
      );
    } catch (error) {
      if (error instanceof HandOverDeclined) return;
      this.logger.error({ err: error, userId: owner.id, sessionId }, 'Could not start the world-state step after an edit');
    }
  }

  private async lastTurn(sessionId: string): Promise<number> {
    return (await this.dataSource.manager.findOneByOrFail(GameSessionEntity, { id: sessionId })).turnCount;
  }
}
