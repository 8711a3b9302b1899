import type { WorldState } from '@storyos/contracts';
import type { ChatMessage } from '../generation/text-provider';
import type { GameScenario, TranscriptEntry } from './game-scenario';
import { describeScenario, describeWorldState } from './scenario-context';
import { DEFAULT_TRANSCRIPT_LIMITS, recentTranscript, transcriptMessages, type TranscriptLimits } from './transcript';

export interface NarratorPromptInput {
  /** The admin's active narrator prompt. */
  systemPrompt: string;
  scenario: GameScenario;
  state: WorldState;
  transcript: readonly TranscriptEntry[];
  /** The player's action; absent for the opening scene. */
  action?: string;
  limits?: TranscriptLimits;
}

/** Messages for a chat model to write the next narrator reply (or the opening). */
export function buildNarratorMessages(input: NarratorPromptInput): ChatMessage[] {
  const context = `${describeScenario(input.scenario)}\n\n${describeWorldState(input.state)}`;
  const history = transcriptMessages(recentTranscript(input.transcript, input.limits ?? DEFAULT_TRANSCRIPT_LIMITS));
  const ask = input.action?.trim()
    ? `Player: ${input.action.trim()}\n\nNarrate what happens next.`
    : `Write the opening scene: introduce ${input.scenario.playerName}, ${input.scenario.playerRole}, at ${input.scenario.initialLocation}, and end with a moment that invites the first action.`;
  return [{ role: 'system', content: input.systemPrompt }, { role: 'system', content: context }, ...history, { role: 'user', content: ask }];
}
