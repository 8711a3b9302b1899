import type { WorldState } from '@storyos/contracts';
import { buildNarratorMessages, buildOpeningBrief, buildTurnBrief, type GameScenario, type GenerationRequest, type TranscriptEntry } from '@storyos/domain';

export interface NarratorContext {
  /** The active narrator system prompt's content. */
  systemPrompt: string;
  scenario: GameScenario;
  state: WorldState;
  /** Messages before this turn, oldest first. */
  transcript: TranscriptEntry[];
  /** The player's action; absent for the opening (turn 0). */
  action?: string;
}

/** What the narrator is asked: chat messages for chat models, and a brief the builtin engine plans from. */
export function narratorRequest(context: NarratorContext): GenerationRequest {
  const messages = buildNarratorMessages(context);
  const brief = context.action === undefined ? buildOpeningBrief(context.scenario, context.state) : buildTurnBrief(context.scenario, context.state, context.action);
  return { messages, brief };
}
