import type { PlayerTurnMode, WorldState } from '@storyos/contracts';
import { buildOpeningBrief, buildTurnBrief, narratorPromptParts, OUTPUT_TOKENS, type GameScenario, type PromptCard, type PromptPlan, type TranscriptEntry } from '@storyos/domain';

export interface NarratorContext {
  /** The active narrator system prompt's content. */
  systemPrompt: string;
  scenario: GameScenario;
  state: WorldState;
  /** Messages before this turn, oldest first. */
  transcript: TranscriptEntry[];
  /** The player's input; absent for the opening (turn 0), empty for "continue". */
  action?: string;
  /** How the input entered the story; absent: `do`. */
  mode?: PlayerTurnMode;
  /** The reply so far, when the narrator goes on from where the cap cut it off. */
  cutOff?: string;
  memory?: string;
  authorsNote?: string;
  /** The story cards chosen for this prompt (chooseStoryCards). */
  cards?: PromptCard[];
  /** Which alternative of the reply this is (0: the first). */
  variant?: number;
}

/** Sampling for the narrator's prose: the usual creative settings, so each regeneration (with its own seed) reads differently. */
export const NARRATOR_TEMPERATURE = 0.9;

/** What the narrator is asked: prompt parts for chat models, and a brief the builtin engine plans from. */
export function narratorPlan(context: NarratorContext): PromptPlan {
  const brief =
    context.action === undefined
      ? buildOpeningBrief(context.scenario, context.state, context.variant ?? 0)
      : buildTurnBrief(context.scenario, context.state, context.action, { mode: context.mode ?? 'do', variant: context.variant ?? 0, cards: context.cards ?? [] });
  return {
    parts: narratorPromptParts(context),
    brief,
    temperature: NARRATOR_TEMPERATURE,
    outputTokens: context.cutOff === undefined ? OUTPUT_TOKENS.narratorReply : OUTPUT_TOKENS.continuation,
  };
}
