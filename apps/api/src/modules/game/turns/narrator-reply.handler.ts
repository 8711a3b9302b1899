import { Injectable } from '@nestjs/common';
import type { GenerationRequest } from '@storyos/domain';
import { DEFAULT_SYSTEM_PROMPTS } from '@storyos/domain';
import { UnrecoverableError } from 'bullmq';
import { DataSource, LessThan, type EntityManager } from 'typeorm';
import type { GenerationEntity } from '../../generation/entities/generation.entity';
import type { GenerationHandler } from '../../generation/handlers/generation-handler';
import { GameMessageEntity } from '../sessions/game-message.entity';
import { GameSessionEntity } from '../sessions/game-session.entity';
import { SystemPromptsService } from '../system-prompts/system-prompts.service';
import { WorldStateFollowUp } from '../world-state/world-state-follow-up';
import { narratorRequest } from './narrator-request';
import { turnOf } from './turn-input';

/** The narrator's replies: the opening (game.opening) and each turn's reply (game.turn). */
@Injectable()
export class NarratorReplyHandler implements GenerationHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly prompts: SystemPromptsService,
    private readonly followUp: WorldStateFollowUp,
  ) {}

  /** Reads the session as it is now and the narrator prompt active now. */
  async buildRequest(generation: GenerationEntity): Promise<GenerationRequest> {
    const turn = turnOf(generation);
    const session = await this.dataSource.manager.findOne(GameSessionEntity, { where: { id: generation.targetId }, relations: { scenario: true } });
    if (!session?.scenario) throw new UnrecoverableError('The game no longer exists.');
    const earlier = await this.dataSource.manager.find(GameMessageEntity, { where: { sessionId: session.id, turn: LessThan(turn) }, order: { turn: 'ASC', role: 'DESC' } });
    const action = turn > 0 ? await this.dataSource.manager.findOneBy(GameMessageEntity, { sessionId: session.id, turn, role: 'player' }) : null;
    const prompt = await this.prompts.findActive('narrator');
    return narratorRequest({
      systemPrompt: prompt?.content ?? DEFAULT_SYSTEM_PROMPTS.narrator,
      scenario: session.scenario,
      state: session.state,
      // Failed or stopped-empty replies say nothing the story should build on.
      transcript: earlier.filter((message) => message.content.length > 0).map(({ role, content }) => ({ role, content })),
      action: action?.content,
    });
  }

  /** The reply's message takes the final text; a completed reply keeps the session held for its world-state step. */
  async onFinished(generation: GenerationEntity, manager: EntityManager): Promise<void> {
    const message = await manager.findOneBy(GameMessageEntity, { generationId: generation.id });
    if (!message) return; // the game was deleted, or the turn undone, meanwhile
    await manager.update(GameMessageEntity, { id: message.id }, { content: generation.text, status: generation.status, error: generation.status === 'failed' ? generation.error : null });
    if (generation.status !== 'completed') {
      await manager.update(GameSessionEntity, { id: message.sessionId, activeGenerationId: generation.id }, { activeGenerationId: null });
    }
  }

  async afterFinished(generation: GenerationEntity): Promise<void> {
    if (generation.status === 'completed') await this.followUp.start(generation);
  }
}
