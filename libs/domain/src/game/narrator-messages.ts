import type { WorldState } from '@storyos/contracts';
import type { PromptPart } from '../generation/prompt-plan';
import { OPENING_TURN_ASK, transcriptParts, worldStateParts } from './game-prompt-parts';
import type { GameScenario, TranscriptEntry } from './game-scenario';
import { describeScenario } from './scenario-context';
import { recentTranscript } from './transcript';

export interface NarratorPromptInput {
  /** The admin's active narrator prompt. */
  systemPrompt: string;
  scenario: GameScenario;
  state: WorldState;
  /** Messages before this turn, oldest first. */
  transcript: readonly TranscriptEntry[];
  /** The player's action; absent for the opening scene. */
  action?: string;
  /** The reply so far, when the output cap cut it off and the narrator is to go on. */
  cutOff?: string;
}

export const CONTINUE_ASK = 'Your reply was cut off by the length limit. Continue it from exactly where it stops: no repetition, no summary, no heading.';

/**
 * The parts of a narrator request: the admin's prompt, the scenario and the
 * world state always; earlier turns as far as the context allows; the
 * player's action (or the opening's ask) last.
 */
export function narratorPromptParts(input: NarratorPromptInput): PromptPart[] {
  const action = input.action?.trim();
  const ask = action
    ? `Player: ${action}\n\nNarrate what happens next.`
    : `Write the opening scene: introduce ${input.scenario.playerName}, ${input.scenario.playerRole}, at ${input.scenario.initialLocation}, and end with a moment that invites the first action.`;
  const parts: PromptPart[] = [
    { role: 'system', text: input.systemPrompt },
    { role: 'system', text: describeScenario(input.scenario) },
    ...worldStateParts(input.state),
    ...transcriptParts(recentTranscript(input.transcript)),
  ];
  if (input.cutOff === undefined) return [...parts, { role: 'user', text: ask }];
  return [...parts, { role: 'user', text: action ? ask : `${OPENING_TURN_ASK} ${ask}` }, { role: 'assistant', text: input.cutOff }, { role: 'user', text: CONTINUE_ASK }];
}
