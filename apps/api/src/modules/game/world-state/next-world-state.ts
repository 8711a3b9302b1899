import type { WorldState } from '@storyos/contracts';
import { applyWorldStateReply, deriveWorldState, readWorldStateReply } from '@storyos/domain';
import { GAME_NARRATOR_WORDS } from '@storyos/story-engine';

export interface TurnOutcome {
  /** The world before this turn. */
  previous: WorldState;
  /** 0 for the opening. */
  turn: number;
  /** Absent for the opening. */
  action?: string;
  reply: string;
}

/**
 * The builtin engine's world: derived from the turn by rules (it writes no
 * JSON a model decided). `turnCount` counts player turns: 0 after the opening.
 */
export function derivedWorldState({ previous, turn, action, reply }: TurnOutcome): WorldState {
  const derived = deriveWorldState(previous, action ?? '', reply, turn, GAME_NARRATOR_WORDS);
  // The opening has no player action to log; it keeps the newcomers it introduced.
  if (turn === 0) return { ...derived, timeline: previous.timeline, act: previous.act, chapter: previous.chapter, turnCount: 0 };
  return { ...derived, turnCount: turn };
}

/**
 * A chat model's world: its reply merged in when it reads as the contract
 * says; otherwise the world stays as it was (only the turn moves on), and
 * `problems` says why.
 */
export function modelWorldState(previous: WorldState, turn: number, text: string | null): { state: WorldState; problems: string[] } {
  if (text === null) return { state: { ...previous, turnCount: turn }, problems: ['The world-state step did not finish.'] };
  const read = readWorldStateReply(text);
  if (!read.ok) return { state: { ...previous, turnCount: turn }, problems: read.problems };
  return { state: applyWorldStateReply(previous, read.reply, turn), problems: [] };
}
