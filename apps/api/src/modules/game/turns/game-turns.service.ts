import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { isTerminalStatus, type GenerationAccepted, type PlayerInputMode, type PlayerTurnMode } from '@storyos/contracts';
import { DataSource, type EntityManager, type Repository } from 'typeorm';
import type { AuthUser } from '../../auth/auth-user';
import { GenerationsService } from '../../generation/generations.service';
import { GameErrors } from '../game.errors';
import { GameMessageEntity } from '../sessions/game-message.entity';
import { GameSessionEntity } from '../sessions/game-session.entity';
import { OwnedSessions } from '../sessions/owned-sessions';
import { StateSnapshotEntity } from '../world-state/state-snapshot.entity';
import { swipesWithNew } from './reply-swipes';
import { assertIdle, ensureIdle } from './session-activity';
import { turnStatements } from './store-turn';

/**
 * Player input that starts a narrator reply: a new turn (an action, a line
 * of dialogue, story text, or nothing at all when the narrator just goes
 * on), the last reply written again, or a cut-off reply continued. The
 * session row is locked while the generation and its messages are stored,
 * so only one of them can ever hold a session.
 */
@Injectable()
export class GameTurnsService {
  constructor(
    @InjectRepository(GameMessageEntity) private readonly messages: Repository<GameMessageEntity>,
    private readonly owned: OwnedSessions,
    private readonly generations: GenerationsService,
    private readonly dataSource: DataSource,
  ) {}

  play(user: AuthUser, sessionId: string, content: string, mode: PlayerInputMode = 'do'): Promise<GenerationAccepted> {
    return this.newTurn(user, sessionId, content, mode);
  }

  /**
   * The narrator goes on without new input: a reply the output cap cut off
   * is continued where it stopped; otherwise the story gets a new passage,
   * as a turn of its own (so it can be regenerated, swiped and undone).
   */
  async continueStory(user: AuthUser, sessionId: string): Promise<GenerationAccepted> {
    const last = await this.messages.findOne({ where: { sessionId, role: 'narrator' }, order: { turn: 'DESC' } });
    if (last && isCutOff(last)) return this.continueCutOff(user, sessionId);
    return this.newTurn(user, sessionId, '', 'continue');
  }

  /**
   * Checked under the session's lock only (the allowance, counted meanwhile,
   * is given back when a check refuses the turn); the lock and the checks'
   * reads are one statement, and the turn's rows another.
   */
  private async newTurn(user: AuthUser, sessionId: string, content: string, mode: PlayerTurnMode): Promise<GenerationAccepted> {
    const started = await this.generations.startFromRead(user, 'game.turn', this.owned.lockForTurn(user, sessionId), (row, generationId) => {
      const { session, opened, holding } = this.owned.lockedForTurn(row);
      ensureIdle(holding);
      if (!opened) throw GameErrors.noOpening();
      const turn = session.turnCount + 1;
      return {
        target: { type: 'game-session', id: sessionId },
        input: { turn },
        statements: turnStatements(this.dataSource, { session, turn, content, mode, generationId }),
        result: undefined,
      };
    });
    return { generationId: started.generationId };
  }

  /**
   * A new alternative of the last reply, with a new seed: the old one is kept
   * as a swipe (with the world it led to), and the world goes back to how it
   * stood before that turn until the new one is written.
   */
  async regenerate(user: AuthUser, sessionId: string): Promise<GenerationAccepted> {
    const session = await this.owned.find(user, sessionId);
    await assertIdle(this.dataSource.manager, session);
    const last = await this.messages.findOne({ where: { sessionId, role: 'narrator' }, order: { turn: 'DESC' } });
    if (!last) throw GameErrors.nothingToRegenerate();
    const turn = last.turn;
    const kind = turn === 0 ? 'game.opening' : 'game.turn';
    const { generation } = await this.generations.start(user, { kind, target: { type: 'game-session', id: sessionId }, input: { turn, regenerated: true } }, async (manager, generation) => {
      const locked = await this.owned.lock(manager, user, sessionId);
      await assertIdle(manager, locked);
      if (locked.turnCount !== turn) throw GameErrors.busy();
      const reply = await manager.findOneBy(GameMessageEntity, { sessionId, turn, role: 'narrator' });
      if (!reply) throw GameErrors.busy();
      const before = await manager.findOneBy(StateSnapshotEntity, { sessionId, turn });
      const alternatives = swipesWithNew(reply, locked.state, generation.id);
      await manager.update(GameMessageEntity, { id: reply.id }, { ...alternatives, content: '', generationId: generation.id, status: 'streaming', error: null, finishReason: null, context: null, shownChars: null });
      await manager.update(GameSessionEntity, { id: sessionId }, { ...(before ? { state: before.state } : {}), activeGenerationId: generation.id, lastPlayedAt: new Date() });
    });
    return { generationId: generation.id };
  }

  /**
   * The narrator goes on from the last reply, which the output cap cut off;
   * the new words join it. The world-state step then runs again for that
   * turn with the whole reply.
   */
  private async continueCutOff(user: AuthUser, sessionId: string): Promise<GenerationAccepted> {
    const session = await this.owned.find(user, sessionId);
    await assertIdle(this.dataSource.manager, session);
    await this.lastCutOffReply(this.dataSource.manager, sessionId);
    const { generation } = await this.generations.start(user, { kind: 'game.continue', target: { type: 'game-session', id: sessionId }, input: { turn: session.turnCount } }, async (manager, generation) => {
      const locked = await this.owned.lock(manager, user, sessionId);
      await assertIdle(manager, locked);
      const reply = await this.lastCutOffReply(manager, sessionId);
      if (reply.turn !== locked.turnCount || locked.turnCount !== session.turnCount) throw GameErrors.busy();
      await manager.update(GameMessageEntity, { id: reply.id }, { generationId: generation.id, status: 'streaming', error: null, shownChars: null });
      await manager.update(GameSessionEntity, { id: sessionId }, { activeGenerationId: generation.id, lastPlayedAt: new Date() });
    });
    return { generationId: generation.id };
  }

  /** The last narrator reply, when the output cap cut it off; 409 otherwise. */
  private async lastCutOffReply(manager: EntityManager, sessionId: string): Promise<GameMessageEntity> {
    const last = await manager.findOne(GameMessageEntity, { where: { sessionId, role: 'narrator' }, order: { turn: 'DESC' } });
    if (!last || !isCutOff(last)) throw GameErrors.busy();
    return last;
  }

  /** A game whose opening failed (or came back empty) cannot go on until the opening is written again. */

  /**
   * Stops whatever is being written; a reply keeps its partial text — only
   * as much as the reader had on screen, when they say how much.
   */
  async stop(user: AuthUser, sessionId: string, shownChars?: number): Promise<GenerationAccepted> {
    const session = await this.owned.find(user, sessionId);
    if (!session.activeGenerationId) throw GameErrors.nothingToStop();
    const generation = await this.generations.findOwned(user, session.activeGenerationId);
    if (isTerminalStatus(generation.status)) throw GameErrors.nothingToStop();
    if (shownChars !== undefined) await this.messages.update({ sessionId, generationId: generation.id, role: 'narrator' }, { shownChars });
    await this.generations.stop(user, generation.id);
    return { generationId: generation.id };
  }
}

function isCutOff(reply: GameMessageEntity): boolean {
  return reply.status === 'completed' && reply.finishReason === 'length';
}
