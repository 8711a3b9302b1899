import type { WorldState } from '@storyos/contracts';
import { buildWorldStateMessages, type GameScenario, type GenerationRequest, type TextProvider, type TranscriptEntry } from '@storyos/domain';

export interface WorldStateContext {
  /** The active world-state system prompt's content. */
  systemPrompt: string;
  scenario: GameScenario;
  /** The world before this turn. */
  state: WorldState;
  /** Messages before this turn, oldest first. */
  transcript: TranscriptEntry[];
  /** The player's action; absent for the opening. */
  action?: string;
  reply: string;
}

/**
 * Asks a chat model for the updated world as JSON. The builtin engine cannot
 * write JSON from instructions, so it also gets a brief it answers with the
 * state derived by rules.
 */
export function worldStateRequest(context: WorldStateContext, provider: TextProvider['name'], turn: number): GenerationRequest {
  const messages = buildWorldStateMessages(context);
  if (provider !== 'builtin') return { messages, temperature: 0.2 };
  return { messages, brief: { task: 'game.world-state', previous: context.state, action: context.action ?? null, reply: context.reply, turn } };
}
