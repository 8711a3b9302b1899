import { Injectable } from '@nestjs/common';
import { DEFAULT_SYSTEM_PROMPTS, joinContinuation, type PromptPlan } from '@storyos/domain';
import { UnrecoverableError } from 'bullmq';
import { DataSource, LessThan, type EntityManager } from 'typeorm';
import type { GenerationEntity } from '../../generation/entities/generation.entity';
import type { GenerationHandler } from '../../generation/handlers/generation-handler';
import { GameMessageEntity } from '../sessions/game-message.entity';
import { GameSessionEntity } from '../sessions/game-session.entity';
import { SystemPromptsService } from '../system-prompts/system-prompts.service';
import { WorldStateFollowUp } from '../world-state/world-state-follow-up';
import { narratorPlan } from './narrator-request';
import { turnOf } from './turn-input';

/** The narrator's replies: the opening (game.opening), each turn's reply (game.turn), and going on from a reply the cap cut off (game.continue). */
@Injectable()
export class NarratorReplyHandler implements GenerationHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly prompts: SystemPromptsService,
    private readonly followUp: WorldStateFollowUp,
  ) {}

  /** Reads the session as it is now and the narrator prompt active now. */
  async buildPrompt(generation: GenerationEntity): Promise<PromptPlan> {
    const turn = turnOf(generation);
    const manager = this.dataSource.manager;
    const session = await manager.findOne(GameSessionEntity, { where: { id: generation.targetId }, relations: { scenario: true } });
    if (!session?.scenario) throw new UnrecoverableError('The game no longer exists.');
    const earlier = await manager.find(GameMessageEntity, { where: { sessionId: session.id, turn: LessThan(turn) }, order: { turn: 'ASC', role: 'DESC' } });
    const action = turn > 0 ? await manager.findOneBy(GameMessageEntity, { sessionId: session.id, turn, role: 'player' }) : null;
    const cutOff = generation.kind === 'game.continue' ? await manager.findOneBy(GameMessageEntity, { sessionId: session.id, turn, role: 'narrator' }) : null;
    const prompt = await this.prompts.findActive('narrator');
    return narratorPlan({
      systemPrompt: prompt?.content ?? DEFAULT_SYSTEM_PROMPTS.narrator,
      scenario: session.scenario,
      state: session.state,
      // Failed or stopped-empty replies say nothing the story should build on.
      transcript: earlier.filter((message) => message.content.length > 0).map(({ role, content, turn: at }) => ({ role, content, turn: at })),
      action: action?.content,
      ...(cutOff && { cutOff: cutOff.content }),
    });
  }

  /** The reply's message takes the final text; a completed reply keeps the session held for its world-state step. */
  async onFinished(generation: GenerationEntity, manager: EntityManager): Promise<void> {
    const message = await manager.findOneBy(GameMessageEntity, { generationId: generation.id });
    if (!message) return; // the game was deleted, or the turn undone, meanwhile
    const ending = generation.kind === 'game.continue' ? continuedReply(message, generation) : { content: generation.text, status: generation.status, finishReason: generation.finishReason, error: generation.status === 'failed' ? generation.error : null };
    await manager.update(GameMessageEntity, { id: message.id }, ending);
    if (generation.status !== 'completed') {
      await manager.update(GameSessionEntity, { id: message.sessionId, activeGenerationId: generation.id }, { activeGenerationId: null });
    }
  }

  async afterFinished(generation: GenerationEntity): Promise<void> {
    if (generation.status === 'completed') await this.followUp.start(generation);
  }
}

/**
 * A continuation joins the reply it goes on from. When it wrote nothing
 * (failed, or stopped at once) the reply stays as it was: complete, cut off,
 * ready to be continued again.
 */
function continuedReply(message: GameMessageEntity, generation: GenerationEntity): Pick<GameMessageEntity, 'content' | 'status' | 'finishReason' | 'error'> {
  const wrote = generation.status !== 'failed' && generation.text.trim().length > 0;
  if (!wrote) {
    const error = generation.status === 'failed' ? `The reply could not be continued. ${generation.error ?? ''}`.trim() : null;
    return { content: message.content, status: 'completed', finishReason: 'length', error };
  }
  return { content: joinContinuation(message.content, generation.text), status: generation.status, finishReason: generation.finishReason, error: null };
}
