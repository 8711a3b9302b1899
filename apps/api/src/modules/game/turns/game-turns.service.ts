import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { hasOpening, isTerminalStatus, type GenerationAccepted } from '@storyos/contracts';
import { DataSource, type EntityManager, type Repository } from 'typeorm';
import type { AuthUser } from '../../auth/auth-user';
import { GenerationsService } from '../../generation/generations.service';
import { GameErrors } from '../game.errors';
import { GameMessageEntity } from '../sessions/game-message.entity';
import { GameSessionEntity } from '../sessions/game-session.entity';
import { OwnedSessions } from '../sessions/owned-sessions';
import { StateSnapshotEntity } from '../world-state/state-snapshot.entity';
import { assertIdle } from './session-activity';

/**
 * Player input that starts a narrator reply: a new turn, or the last reply
 * written again. The session row is locked while the generation and its
 * messages are stored, so only one of them can ever hold a session.
 */
@Injectable()
export class GameTurnsService {
  constructor(
    @InjectRepository(GameMessageEntity) private readonly messages: Repository<GameMessageEntity>,
    private readonly owned: OwnedSessions,
    private readonly generations: GenerationsService,
    private readonly dataSource: DataSource,
  ) {}

  async play(user: AuthUser, sessionId: string, action: string): Promise<GenerationAccepted> {
    // Checked before the quota is charged, and again under the lock.
    const session = await this.owned.find(user, sessionId);
    await assertIdle(this.dataSource.manager, session);
    await this.assertOpened(this.dataSource.manager, sessionId);
    const turn = session.turnCount + 1;
    const { generation } = await this.generations.start(user, { kind: 'game.turn', target: { type: 'game-session', id: sessionId }, input: { turn } }, async (manager, generation) => {
      const locked = await this.owned.lock(manager, user, sessionId);
      await assertIdle(manager, locked);
      if (locked.turnCount + 1 !== turn) throw GameErrors.busy();
      await this.assertOpened(manager, sessionId);
      await manager.upsert(StateSnapshotEntity, { sessionId, turn, state: locked.state }, ['sessionId', 'turn']);
      await manager.insert(GameMessageEntity, { sessionId, role: 'player', content: action, turn, generationId: null, status: null, error: null });
      await manager.insert(GameMessageEntity, { sessionId, role: 'narrator', content: '', turn, generationId: generation.id, status: 'streaming', error: null });
      await manager.update(GameSessionEntity, { id: sessionId }, { turnCount: turn, activeGenerationId: generation.id, lastPlayedAt: new Date() });
    });
    return { generationId: generation.id };
  }

  /** The old reply gives way to the new one, and the world goes back to how it stood before that turn. */
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
      const before = await manager.findOneBy(StateSnapshotEntity, { sessionId, turn });
      await manager.delete(GameMessageEntity, { sessionId, turn, role: 'narrator' });
      await manager.insert(GameMessageEntity, { sessionId, role: 'narrator', content: '', turn, generationId: generation.id, status: 'streaming', error: null });
      await manager.update(GameSessionEntity, { id: sessionId }, { ...(before ? { state: before.state } : {}), activeGenerationId: generation.id, lastPlayedAt: new Date() });
    });
    return { generationId: generation.id };
  }

  /**
   * The narrator goes on from the last reply, which the output cap cut off;
   * the new words join it. The world-state step then runs again for that
   * turn with the whole reply.
   */
  async continueReply(user: AuthUser, sessionId: string): Promise<GenerationAccepted> {
    const session = await this.owned.find(user, sessionId);
    await assertIdle(this.dataSource.manager, session);
    await this.lastCutOffReply(this.dataSource.manager, sessionId);
    const { generation } = await this.generations.start(user, { kind: 'game.continue', target: { type: 'game-session', id: sessionId }, input: { turn: session.turnCount } }, async (manager, generation) => {
      const locked = await this.owned.lock(manager, user, sessionId);
      await assertIdle(manager, locked);
      const reply = await this.lastCutOffReply(manager, sessionId);
      if (reply.turn !== locked.turnCount || locked.turnCount !== session.turnCount) throw GameErrors.busy();
      await manager.update(GameMessageEntity, { id: reply.id }, { generationId: generation.id, status: 'streaming', error: null });
      await manager.update(GameSessionEntity, { id: sessionId }, { activeGenerationId: generation.id, lastPlayedAt: new Date() });
    });
    return { generationId: generation.id };
  }

  /** The last narrator reply, when the output cap cut it off; 409 otherwise. */
  private async lastCutOffReply(manager: EntityManager, sessionId: string): Promise<GameMessageEntity> {
    const last = await manager.findOne(GameMessageEntity, { where: { sessionId, role: 'narrator' }, order: { turn: 'DESC' } });
    if (!last || last.status !== 'completed' || last.finishReason !== 'length') throw GameErrors.nothingToContinue();
    return last;
  }

  /** A game whose opening failed (or came back empty) cannot go on until the opening is written again. */
  private async assertOpened(manager: EntityManager, sessionId: string): Promise<void> {
    const opening = await manager.findBy(GameMessageEntity, { sessionId, turn: 0, role: 'narrator' });
    if (!hasOpening(opening)) throw GameErrors.noOpening();
  }

  /** Stops whatever is being written; a reply keeps its partial text. */
  async stop(user: AuthUser, sessionId: string): Promise<GenerationAccepted> {
    const session = await this.owned.find(user, sessionId);
    if (!session.activeGenerationId) throw GameErrors.nothingToStop();
    const generation = await this.generations.findOwned(user, session.activeGenerationId);
    if (isTerminalStatus(generation.status)) throw GameErrors.nothingToStop();
    await this.generations.stop(user, generation.id);
    return { generationId: generation.id };
  }
}
