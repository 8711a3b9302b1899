import type { PlayerTurnMode, WorldState } from '@storyos/contracts';
import { OUTPUT_TOKENS, WORLD_STATE_REPLY_FORMAT, worldStatePromptParts, worldStateReplyProblems, type GameScenario, type PromptPlan, type TextProvider, type TranscriptEntry } from '@storyos/domain';

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
  mode?: PlayerTurnMode;
  reply: string;
}

/**
 * Asks a chat model for the turn's changes as JSON, enforced by the
 * provider where it can, checked against the contract either way. The
 * builtin engine cannot write JSON from instructions, so it gets a brief it
 * answers with the state derived by rules.
 */
export function worldStatePlan(context: WorldStateContext, provider: TextProvider['name'], turn: number, playerName: string): PromptPlan {
  const parts = worldStatePromptParts(context);
  if (provider === 'builtin') {
    return { parts, outputTokens: OUTPUT_TOKENS.worldStateUpdate, brief: { task: 'game.world-state', previous: context.state, action: context.action ?? null, ...(context.mode && { mode: context.mode }), reply: context.reply, turn, playerName } };
  }
  return {
    parts,
    outputTokens: OUTPUT_TOKENS.worldStateUpdate,
    temperature: 0.2,
    json: WORLD_STATE_REPLY_FORMAT,
    check: { problems: worldStateReplyProblems, failure: 'The world could not be updated: the model’s reply was not the JSON asked for, so the world stays as it was.' },
  };
}
