import type { PlayerTurnMode, WorldState } from '@storyos/contracts';
import { applyWorldStateReply, deriveWorldState, readWorldStateReply } from '@storyos/domain';
import { GAME_NARRATOR_WORDS } from '@storyos/story-engine';

export interface TurnOutcome {
  /** The world before this turn. */
  previous: WorldState;
  /** 0 for the opening. */
  turn: number;
  /** Absent for the opening. */
  action?: string;
  /** How the action entered the story; absent: `do`. */
  mode?: PlayerTurnMode;
  reply: string;
  playerName: string;
}

/**
 * The builtin engine's world: derived from the turn by rules (it writes no
 * JSON a model decided). `turnCount` counts player turns: 0 after the opening.
 */
export function derivedWorldState({ previous, turn, action, mode, reply, playerName }: TurnOutcome): WorldState {
  return deriveWorldState(previous, { action: action ?? '', mode: mode ?? 'do', reply, turn, playerName }, GAME_NARRATOR_WORDS);
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
