import type { WorldState } from '@storyos/contracts';
import { deriveWorldState, extractJsonObject, parseWorldStateReply } from '@storyos/domain';
import { GAME_NARRATOR_WORDS } from '@storyos/story-engine';

export interface WorldStateOutcome {
  /** The world before this turn. */
  previous: WorldState;
  /** 0 for the opening. */
  turn: number;
  /** Absent for the opening. */
  action?: string;
  reply: string;
  /** What the world-state step wrote; empty when it was stopped or failed. */
  text: string;
}

/**
 * The model's JSON when there is any; otherwise (the builtin engine writes
 * prose, a step can fail) the world is derived from the turn itself, so the
 * record never falls behind. `turnCount` counts player turns: 0 after the opening.
 */
export function nextWorldState(outcome: WorldStateOutcome): WorldState {
  const { previous, turn, action, reply, text } = outcome;
  if (extractJsonObject(text)) return { ...parseWorldStateReply(text, previous), turnCount: turn };
  const derived = deriveWorldState(previous, action ?? '', reply, turn, GAME_NARRATOR_WORDS);
  // The opening has no player action to log; it keeps the newcomers it introduced.
  if (turn === 0) return { ...derived, timeline: previous.timeline, act: previous.act, chapter: previous.chapter, turnCount: 0 };
  return { ...derived, turnCount: turn };
}
