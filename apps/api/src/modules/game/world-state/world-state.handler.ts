import { Inject, Injectable } from '@nestjs/common';
import { DEFAULT_SYSTEM_PROMPTS, type GenerationRequest, type TextProvider } from '@storyos/domain';
import { UnrecoverableError } from 'bullmq';
import { DataSource, LessThan, type EntityManager } from 'typeorm';
import { RealtimePublisher } from '../../../core/realtime/realtime-publisher.service';
import type { GenerationEntity } from '../../generation/entities/generation.entity';
import type { GenerationHandler } from '../../generation/handlers/generation-handler';
import { TEXT_PROVIDER } from '../../generation/text-provider.token';
import { GameMessageEntity } from '../sessions/game-message.entity';
import { GameSessionEntity } from '../sessions/game-session.entity';
import { SystemPromptsService } from '../system-prompts/system-prompts.service';
import { turnOf } from '../turns/turn-input';
import { nextWorldState } from './next-world-state';
import { worldStateRequest } from './world-state-request';

/** game.world-state: updates what the story keeps after the opening and after each completed turn. */
@Injectable()
export class WorldStateHandler implements GenerationHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly prompts: SystemPromptsService,
    private readonly realtime: RealtimePublisher,
    @Inject(TEXT_PROVIDER) private readonly provider: TextProvider,
  ) {}

  async buildRequest(generation: GenerationEntity): Promise<GenerationRequest> {
    const turn = turnOf(generation);
    const session = await this.dataSource.manager.findOne(GameSessionEntity, { where: { id: generation.targetId }, relations: { scenario: true } });
    if (!session?.scenario) throw new UnrecoverableError('The game no longer exists.');
    const { action, reply } = await this.turnText(this.dataSource.manager, session.id, turn);
    const earlier = await this.dataSource.manager.find(GameMessageEntity, { where: { sessionId: session.id, turn: LessThan(turn) }, order: { turn: 'ASC', role: 'DESC' } });
    const prompt = await this.prompts.findActive('world-state');
    return worldStateRequest(
      {
        systemPrompt: prompt?.content ?? DEFAULT_SYSTEM_PROMPTS['world-state'],
        scenario: session.scenario,
        state: session.state,
        transcript: earlier.filter((message) => message.content.length > 0).map(({ role, content }) => ({ role, content })),
        action,
        reply,
      },
      this.provider.name,
      turn,
    );
  }

  /** Whatever happened to the step (even stopped or failed), the session is released with the next world state. */
  async onFinished(generation: GenerationEntity, manager: EntityManager): Promise<void> {
    const session = await manager.findOne(GameSessionEntity, { where: { id: generation.targetId }, lock: { mode: 'pessimistic_write' } });
    if (!session || session.activeGenerationId !== generation.id) return;
    const turn = turnOf(generation);
    const { action, reply } = await this.turnText(manager, session.id, turn);
    // The builtin engine's JSON is the rules' own derivation, which nextWorldState repeats (and adapts for the opening).
    const written = generation.status === 'completed' && generation.provider !== 'builtin' ? generation.text : '';
    const state = nextWorldState({ previous: session.state, turn, action, reply, text: written });
    await manager.update(GameSessionEntity, { id: session.id }, { state, activeGenerationId: null });
  }

  /** Shows the new world beside the story in every tab of the owner. */
  async afterFinished(generation: GenerationEntity): Promise<void> {
    const session = await this.dataSource.manager.findOneBy(GameSessionEntity, { id: generation.targetId });
    if (session) this.realtime.toUser(session.ownerId, 'game:state', { sessionId: session.id, state: session.state });
  }

  private async turnText(manager: EntityManager, sessionId: string, turn: number): Promise<{ action?: string; reply: string }> {
    const messages = await manager.findBy(GameMessageEntity, { sessionId, turn });
    return {
      action: messages.find((message) => message.role === 'player')?.content,
      reply: messages.find((message) => message.role === 'narrator')?.content ?? '',
    };
  }
}
