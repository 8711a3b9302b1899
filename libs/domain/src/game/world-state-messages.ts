import type { WorldState } from '@storyos/contracts';
import type { ChatMessage } from '../generation/text-provider';
import type { GameScenario, TranscriptEntry } from './game-scenario';
import { describeScenario, describeWorldState } from './scenario-context';
import { recentTranscript, type TranscriptLimits } from './transcript';

export interface WorldStatePromptInput {
  /** The admin's active world-state prompt. */
  systemPrompt: string;
  scenario: GameScenario;
  state: WorldState;
  transcript: readonly TranscriptEntry[];
  /** The action of this turn; absent after the opening. */
  action?: string;
  /** The narrator's reply for this turn. */
  reply: string;
  limits?: TranscriptLimits;
}

const WORLD_STATE_FIELDS = 'worldState, currentLocation, characters, timeline, act, chapter, turnCount';

/** Messages asking a chat model for the updated world state as one JSON object. */
export function buildWorldStateMessages(input: WorldStatePromptInput): ChatMessage[] {
  const transcript = recentTranscript(input.transcript, input.limits ?? { maxMessages: 6, maxChars: 4000 })
    .map((entry) => `${entry.role === 'player' ? 'Player' : 'Narrator'}: ${entry.content}`)
    .join('\n\n');
  const turn = [
    transcript ? `Recent transcript:\n${transcript}` : 'Recent transcript: (none yet)',
    `Player's action this turn: ${input.action?.trim() || '(the opening scene)'}`,
    `Narrator's reply this turn:\n${input.reply}`,
    `Reply with one JSON object with exactly these fields: ${WORLD_STATE_FIELDS}. The turnCount is ${input.state.turnCount + 1}.`,
  ].join('\n\n');
  return [
    { role: 'system', content: input.systemPrompt },
    { role: 'system', content: `${describeScenario(input.scenario)}\n\n${describeWorldState(input.state)}` },
    { role: 'user', content: turn },
  ];
}
