import { Injectable } from '@nestjs/common';
import type { ReplyContext } from '@storyos/contracts';
import { cardScanText, CARD_CONTEXT_SHARE, chooseStoryCards, DEFAULT_SYSTEM_PROMPTS, joinContinuation, type PromptPlan } from '@storyos/domain';
import { UnrecoverableError } from 'bullmq';
import { DataSource, type EntityManager } from 'typeorm';
import { ContextWindowService } from '../../generation/budget/context-window.service';
import type { GenerationEntity } from '../../generation/entities/generation.entity';
import type { GenerationHandler } from '../../generation/handlers/generation-handler';
import { GameMessageEntity } from '../sessions/game-message.entity';
import { GameSessionEntity } from '../sessions/game-session.entity';
import { WorldStateFollowUp } from '../world-state/world-state-follow-up';
import { readAlone } from '../../generation/handlers/claim-reads';
import { NARRATOR_CLAIM_READS, type NarratorReads } from './narrator-reads';
import { recordReplyContext } from './reply-context-record';
import { narratorPlan } from './narrator-request';
import { turnOf } from './turn-input';

/** The narrator's replies: the opening (game.opening), each turn's reply (game.turn), and going on from a reply the cap cut off (game.continue). */
@Injectable()
export class NarratorReplyHandler implements GenerationHandler<NarratorReads | null> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly followUp: WorldStateFollowUp,
    private readonly contextWindow: ContextWindowService,
  ) {}

  /**
   * Reads the session as it is now and the narrator prompt active now. The
   * story cards the turn mentions are chosen to fit a share of the model's
   * context and sent whole, so the reply can record exactly what its
   * prompt held.
   */
  readonly claimReads = NARRATOR_CLAIM_READS;

  async buildPrompt(generation: GenerationEntity, meanwhile: (write: Promise<unknown>) => void, readAhead?: Promise<NarratorReads | null>): Promise<PromptPlan> {
    const turn = turnOf(generation);
    const [session, window] = await Promise.all([readAhead ?? readAlone(this.dataSource, NARRATOR_CLAIM_READS, generation.id), this.contextWindow.current()]);
    if (!session) throw new UnrecoverableError('The game no longer exists.');
    const { messages: upToTurn, cards } = session;
    const earlier = upToTurn.filter((message) => message.turn < turn);
    const messages = upToTurn.filter((message) => message.turn === turn);
    const action = turn > 0 ? messages.find((message) => message.role === 'player') : undefined;
    const reply = messages.find((message) => message.role === 'narrator');
    const cutOff = generation.kind === 'game.continue' ? reply : undefined;
    // Failed or stopped-empty replies say nothing the story should build on; a "continue" turn has no words of its own.
    const transcript = earlier
      .filter((message) => message.content.length > 0 || message.mode === 'continue')
      .map(({ role, content, turn: at, mode }) => ({ role, content, turn: at, ...(mode && { mode }) }));
    const chosen = chooseStoryCards(cards, cardScanText(transcript, action?.content), window.tokens === null ? null : Math.floor(window.tokens * CARD_CONTEXT_SHARE), this.contextWindow.counter);
    const context: ReplyContext = { memory: session.memory.trim().length > 0, authorsNote: session.authorsNote.trim().length > 0, cards: chosen.map(({ id, title }) => ({ id, title })) };
    // A continuation keeps the context its reply was written with. The record is written while the prompt is sent.
    if (reply && generation.kind !== 'game.continue') meanwhile(recordReplyContext(this.dataSource, { messageId: reply.id, generationId: generation.id }, context));
    return narratorPlan({
      systemPrompt: session.systemPrompt ?? DEFAULT_SYSTEM_PROMPTS.narrator,
      scenario: session.scenario,
      state: session.state,
      transcript,
      action: action?.content,
      mode: action?.mode ?? 'do',
      memory: session.memory,
      authorsNote: session.authorsNote,
      cards: chosen,
      variant: reply?.swipeIndex ?? 0,
      ...(cutOff && { cutOff: cutOff.content }),
    });
  }

  /** The reply's message takes the final text; a completed reply keeps the session held for its world-state step. */
  async onFinished(generation: GenerationEntity, manager: EntityManager): Promise<void> {
    const message = await manager.findOneBy(GameMessageEntity, { generationId: generation.id });
    if (!message) return; // the game was deleted, or the turn undone, meanwhile
    const text = shownPart(generation, message.shownChars);
    const ending =
      generation.kind === 'game.continue'
        ? continuedReply(message, generation, text)
        : { content: text, status: generation.status, finishReason: generation.finishReason, error: generation.status === 'failed' ? generation.error : null };
    await manager.update(GameMessageEntity, { id: message.id }, { ...ending, shownChars: null });
    if (generation.status !== 'completed') {
      await manager.update(GameSessionEntity, { id: message.sessionId, activeGenerationId: generation.id }, { activeGenerationId: null });
    }
  }

  async afterFinished(generation: GenerationEntity): Promise<void> {
    if (generation.status === 'completed') await this.followUp.start(generation);
  }
}

/** A stopped reply keeps what the reader had on screen when they pressed Stop, not what the engine wrote while the stop travelled. */
function shownPart(generation: GenerationEntity, shownChars: number | null): string {
  if (generation.status !== 'stopped' || shownChars === null || shownChars >= generation.text.length) return generation.text;
  return generation.text.slice(0, shownChars).trimEnd();
}

/**
 * A continuation joins the reply it goes on from. When it wrote nothing
 * (failed, or stopped at once) the reply stays as it was: complete, cut off,
 * ready to be continued again.
 */
function continuedReply(message: GameMessageEntity, generation: GenerationEntity, text: string): Pick<GameMessageEntity, 'content' | 'status' | 'finishReason' | 'error'> {
  const wrote = generation.status !== 'failed' && text.trim().length > 0;
  if (!wrote) {
    const error = generation.status === 'failed' ? `The reply could not be continued. ${generation.error ?? ''}`.trim() : null;
    return { content: message.content, status: 'completed', finishReason: 'length', error };
  }
  return { content: joinContinuation(message.content, text), status: generation.status, finishReason: generation.finishReason, error: null };
}
