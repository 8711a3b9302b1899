import type { WorldState } from '@storyos/contracts';
import { applyWorldStateReply, readWorldStateReply } from '@storyos/domain';

/**
 * The world after the world-state step, whichever provider answered: the
 * reply merged in when it reads as the contract says (the builtin engine
 * answers with the whole next state, derived by rules); otherwise the world
 * stays as it was (only the turn moves on), and `problems` says why.
 */
export function worldStateFromReply(previous: WorldState, turn: number, text: string | null): { state: WorldState; problems: string[] } {
  if (text === null) return { state: { ...previous, turnCount: turn }, problems: ['The world-state step did not finish.'] };
  const read = readWorldStateReply(text);
  if (!read.ok) return { state: { ...previous, turnCount: turn }, problems: read.problems };
  return { state: applyWorldStateReply(previous, read.reply, turn), problems: [] };
}
