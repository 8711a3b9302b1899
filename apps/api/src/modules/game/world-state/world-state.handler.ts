import { Injectable } from '@nestjs/common';
import type { PlayerTurnMode, WorldState } from '@storyos/contracts';
import { DEFAULT_SYSTEM_PROMPTS, type PromptPlan } from '@storyos/domain';
import { UnrecoverableError } from 'bullmq';
import { PinoLogger } from 'nestjs-pino';
import { DataSource, LessThan, type EntityManager } from 'typeorm';
import { findOneJoined } from '../../../core/database/find-one-joined';
import { RealtimePublisher } from '../../../core/realtime/realtime-publisher.service';
import type { GenerationEntity } from '../../generation/entities/generation.entity';
import type { GenerationHandler } from '../../generation/handlers/generation-handler';
import { GameMessageEntity } from '../sessions/game-message.entity';
import { GameSessionEntity } from '../sessions/game-session.entity';
import { SystemPromptsService } from '../system-prompts/system-prompts.service';
import { turnOf } from '../turns/turn-input';
import { worldStateFromReply } from './next-world-state';
import { StateSnapshotEntity } from './state-snapshot.entity';
import { worldStatePlan } from './world-state-request';

/** game.world-state: updates what the story keeps after the opening and after each completed turn. */
@Injectable()
export class WorldStateHandler implements GenerationHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly prompts: SystemPromptsService,
    private readonly realtime: RealtimePublisher,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext(WorldStateHandler.name);
  }

  async buildPrompt(generation: GenerationEntity): Promise<PromptPlan> {
    const turn = turnOf(generation);
    const manager = this.dataSource.manager;
    const session = await findOneJoined(manager, GameSessionEntity, { id: generation.targetId }, { scenario: true });
    if (!session?.scenario) throw new UnrecoverableError('The game no longer exists.');
    const { action, mode, reply } = await this.turnText(manager, session.id, turn);
    const earlier = await manager.find(GameMessageEntity, { where: { sessionId: session.id, turn: LessThan(turn) }, order: { turn: 'ASC', role: 'DESC' } });
    const prompt = await this.prompts.findActive('world-state');
    return worldStatePlan(
      {
        systemPrompt: prompt?.content ?? DEFAULT_SYSTEM_PROMPTS['world-state'],
        scenario: session.scenario,
        state: await this.stateBefore(manager, session, turn),
        transcript: earlier.filter((message) => message.content.length > 0).map(({ role, content, turn: at, mode }) => ({ role, content, turn: at, ...(mode && { mode }) })),
        action,
        mode,
        reply,
      },
      turn,
      session.playerName,
    );
  }

  /** Whatever happened to the step (even stopped or failed), the session is released with the next world state. */
  async onFinished(generation: GenerationEntity, manager: EntityManager): Promise<void> {
    const session = await manager.findOne(GameSessionEntity, { where: { id: generation.targetId }, lock: { mode: 'pessimistic_write' } });
    if (!session || session.activeGenerationId !== generation.id) return;
    const turn = turnOf(generation);
    const previous = await this.stateBefore(manager, session, turn);
    const { state, problems } = worldStateFromReply(previous, turn, generation.status === 'completed' ? generation.text : null);
    if (problems.length > 0) this.logger.warn({ generationId: generation.id, userId: generation.ownerId, sessionId: session.id, turn, status: generation.status, problems }, 'World state kept as it was');
    await manager.update(GameSessionEntity, { id: session.id }, { state, activeGenerationId: null });
  }

  /** Shows the new world beside the story in every tab of the owner. */
  async afterFinished(generation: GenerationEntity): Promise<void> {
    const session = await this.dataSource.manager.findOneBy(GameSessionEntity, { id: generation.targetId });
    if (session) this.realtime.toUser(session.ownerId, 'game:state', { sessionId: session.id, state: session.state });
  }

  /**
   * The world before the turn was played, as its snapshot kept it: after a
   * reply was continued, the turn is told again from there, in full.
   */
  private async stateBefore(manager: EntityManager, session: GameSessionEntity, turn: number): Promise<WorldState> {
    return (await manager.findOneBy(StateSnapshotEntity, { sessionId: session.id, turn }))?.state ?? session.state;
  }

  private async turnText(manager: EntityManager, sessionId: string, turn: number): Promise<{ action?: string; mode?: PlayerTurnMode; reply: string }> {
    const messages = await manager.findBy(GameMessageEntity, { sessionId, turn });
    const player = messages.find((message) => message.role === 'player');
    return {
      action: player?.content,
      ...(player && { mode: player.mode ?? 'do' }),
      reply: messages.find((message) => message.role === 'narrator')?.content ?? '',
    };
  }
}
