import type { WorldState } from '@storyos/contracts';
import { buildWorldStateMessages, type GameScenario, type GenerationRequest, type TranscriptEntry } from '@storyos/domain';

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

/** Asks a chat model for the updated world as JSON. */
export function worldStateRequest(context: WorldStateContext): GenerationRequest {
  return { messages: buildWorldStateMessages(context), temperature: 0.2 };
}
