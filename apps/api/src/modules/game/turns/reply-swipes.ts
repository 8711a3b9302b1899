import { MAX_SWIPES, type WorldState } from '@storyos/contracts';
import type { GameMessageEntity, ReplySwipe } from '../sessions/game-message.entity';

type SwipeColumns = Pick<GameMessageEntity, 'content' | 'generationId' | 'status' | 'error' | 'finishReason' | 'context'>;

/** The reply as it stands now, to be kept while another alternative is chosen. */
export function shelved(message: SwipeColumns, stateAfter: WorldState | null): ReplySwipe {
  return { content: message.content, generationId: message.generationId, status: message.status, error: message.error, finishReason: message.finishReason, context: message.context, stateAfter };
}

/** A reply that failed or was stopped before a word says nothing worth going back to. */
function worthKeeping(message: SwipeColumns): boolean {
  return message.content.trim().length > 0 && message.status !== 'failed';
}

/**
 * The alternatives after a regeneration starts: the current reply kept
 * (when it has words), a place for the new one at the end, the oldest
 * given up past MAX_SWIPES.
 */
export function swipesWithNew(message: Pick<GameMessageEntity, 'swipes' | 'swipeIndex'> & SwipeColumns, stateAfter: WorldState | null, generationId: string): { swipes: ReplySwipe[]; swipeIndex: number } {
  const swipes = message.swipes.length > 0 ? [...message.swipes] : [shelved(message, stateAfter)];
  if (worthKeeping(message)) swipes[message.swipeIndex] = shelved(message, stateAfter);
  else swipes.splice(message.swipeIndex, 1);
  swipes.push({ content: '', generationId, status: 'streaming', error: null, finishReason: null, context: null, stateAfter: null });
  const kept = swipes.slice(-MAX_SWIPES);
  return { swipes: kept, swipeIndex: kept.length - 1 };
}

/** The message's columns and the world after choosing alternative `index`; the current one is kept in its place. */
export function chooseSwipe(message: GameMessageEntity, index: number, stateNow: WorldState): { columns: SwipeColumns & Pick<GameMessageEntity, 'swipes' | 'swipeIndex'>; stateAfter: WorldState | null } {
  const swipes = [...message.swipes];
  swipes[message.swipeIndex] = shelved(message, stateNow);
  const chosen = swipes[index]!;
  return {
    columns: { content: chosen.content, generationId: chosen.generationId, status: chosen.status, error: chosen.error, finishReason: chosen.finishReason, context: chosen.context, swipes, swipeIndex: index },
    stateAfter: chosen.stateAfter,
  };
}
