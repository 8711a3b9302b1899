import type { PlayerTurnMode, WorldState } from '@storyos/contracts';
import type { PromptPart } from '../generation/prompt-plan';
import { CONTINUE_STORY_ASK, OPENING_TURN_ASK, playerLine, transcriptParts, worldStateParts } from './game-prompt-parts';
import { storyCardLine, type PromptCard } from './story-cards';
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
  /** How the action entered the story; absent: `do`. */
  mode?: PlayerTurnMode;
  /** The game's memory: always sent. */
  memory?: string;
  /** The author's note: put into the last message, where it steers most. */
  authorsNote?: string;
  /** Story cards chosen for this prompt (see chooseStoryCards): sent whole. */
  cards?: readonly PromptCard[];
}

export const CONTINUE_ASK = 'Your reply was cut off by the length limit. Continue it from exactly where it stops: no repetition, no summary, no heading.';

/**
 * The parts of a narrator request: the admin's prompt, the scenario and the
 * world state always; earlier turns as far as the context allows; the
 * player's action (or the opening's ask) last.
 */
export function narratorPromptParts(input: NarratorPromptInput): PromptPart[] {
  const action = input.action?.trim();
  const mode = input.mode ?? 'do';
  const ask = action !== undefined && (action || mode === 'continue') ? turnAsk(action, mode) : `Write the opening scene: introduce ${input.scenario.playerName}, ${input.scenario.playerRole}, at ${input.scenario.initialLocation}, and end with a moment that invites the first action.`;
  const memory = input.memory?.trim();
  const cards = input.cards ?? [];
  const parts: PromptPart[] = [
    { role: 'system', text: input.systemPrompt },
    { role: 'system', text: describeScenario(input.scenario) },
    ...(memory ? [{ role: 'system' as const, text: `Memory (always true in this story):\n${memory}` }] : []),
    ...(cards.length > 0 ? [{ role: 'system' as const, text: `Story cards for what appears now:\n${cards.map(storyCardLine).join('\n')}` }] : []),
    ...worldStateParts(input.state),
    ...transcriptParts(recentTranscript(input.transcript)),
  ];
  const note = input.authorsNote?.trim();
  const steer = (text: string) => (note ? `${text}\n\n[Author's note: ${note}]` : text);
  if (input.cutOff === undefined) return [...parts, { role: 'user', text: steer(ask) }];
  return [...parts, { role: 'user', text: action !== undefined ? ask : `${OPENING_TURN_ASK} ${ask}` }, { role: 'assistant', text: input.cutOff }, { role: 'user', text: steer(CONTINUE_ASK) }];
}

/** What the narrator is asked for a turn, by how the player's input entered the story. */
function turnAsk(action: string, mode: PlayerTurnMode): string {
  switch (mode) {
    case 'say':
      return `${playerLine(action, 'say')}\n\nNarrate how the world answers.`;
    case 'story':
      return `${playerLine(action, 'story')}\n\nContinue the story from there, keeping what the player wrote as true.`;
    case 'continue':
      return CONTINUE_STORY_ASK;
    default:
      return `${playerLine(action, 'do')}\n\nNarrate what happens next.`;
  }
}
