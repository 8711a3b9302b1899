import type { WorldState } from '@storyos/contracts';
import { OUTPUT_TOKENS, WORLD_STATE_REPLY_FORMAT, worldStatePromptParts, worldStateReplyProblems, type GameScenario, type PromptPlan, type TranscriptEntry } from '@storyos/domain';

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
 * Asks a chat model for the turn's changes as JSON, enforced by the provider
 * where it can, checked against the contract either way. The builtin engine
 * cannot write JSON from instructions: it answers the brief with the state
 * derived by rules, which passes the same check. Providers read what they
 * understand.
 */
export function worldStatePlan(context: WorldStateContext, turn: number): PromptPlan {
  return {
    parts: worldStatePromptParts(context),
    brief: { task: 'game.world-state', previous: context.state, action: context.action ?? null, reply: context.reply, turn },
    outputTokens: OUTPUT_TOKENS.worldStateUpdate,
    temperature: 0.2,
    json: WORLD_STATE_REPLY_FORMAT,
    check: { problems: worldStateReplyProblems, failure: 'The world could not be updated: the model’s reply was not the JSON asked for, so the world stays as it was.' },
  };
}
