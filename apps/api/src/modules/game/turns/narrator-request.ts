import type { WorldState } from '@storyos/contracts';
import { buildOpeningBrief, buildTurnBrief, narratorPromptParts, OUTPUT_TOKENS, type GameScenario, type PromptPlan, type TranscriptEntry } from '@storyos/domain';

export interface NarratorContext {
  /** The active narrator system prompt's content. */
  systemPrompt: string;
  scenario: GameScenario;
  state: WorldState;
  /** Messages before this turn, oldest first. */
  transcript: TranscriptEntry[];
  /** The player's action; absent for the opening (turn 0). */
  action?: string;
  /** The reply so far, when the narrator goes on from where the cap cut it off. */
  cutOff?: string;
}

/** What the narrator is asked: prompt parts for chat models, and a brief the builtin engine plans from. */
export function narratorPlan(context: NarratorContext): PromptPlan {
  const brief = context.action === undefined ? buildOpeningBrief(context.scenario, context.state) : buildTurnBrief(context.scenario, context.state, context.action);
  return { parts: narratorPromptParts(context), brief, outputTokens: context.cutOff === undefined ? OUTPUT_TOKENS.narratorReply : OUTPUT_TOKENS.continuation };
}
