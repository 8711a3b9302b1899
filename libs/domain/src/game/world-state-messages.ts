import type { PlayerTurnMode, WorldState } from '@storyos/contracts';
import type { PromptPart } from '../generation/prompt-plan';
import { GAME_DROP_TIERS, playerLine, worldStateParts } from './game-prompt-parts';
import type { GameScenario, TranscriptEntry } from './game-scenario';
import { describeScenario } from './scenario-context';
import { recentTranscript } from './transcript';

export interface WorldStatePromptInput {
  /** The admin's active world-state prompt. */
  systemPrompt: string;
  scenario: GameScenario;
  /** The world before this turn. */
  state: WorldState;
  /** Messages before this turn, oldest first. */
  transcript: readonly TranscriptEntry[];
  /** The action of this turn; absent after the opening. */
  action?: string;
  /** How the action entered the story; absent: `do`. */
  mode?: PlayerTurnMode;
  /** The narrator's reply for this turn. */
  reply: string;
}

/** The reply's fields, as the last message states them: the same shape the response format enforces where it can. */
export const WORLD_STATE_REPLY_FIELDS = [
  '"worldState" (a compact summary of the situation now, at most a few sentences, addressed to the player as "you")',
  '"currentLocation" (where the player is now)',
  '"characters" (array of {"name","summary"}: only the characters present in this turn — newcomers, and anyone whose summary changed; one summary per character, about that character alone)',
  '"event" (one short sentence in the second person: what happened this turn, e.g. "You drew your sword.")',
  '"act" and "chapter" (integers; move them on only when the story turns a corner)',
].join(', ');

/**
 * The parts of a world-state request: the admin's prompt and the world
 * before the turn always, a few earlier messages when they fit, the
 * scenario (always at the opening, as long as it fits after), and this
 * turn's action and reply with the JSON asked for last.
 */
export function worldStatePromptParts(input: WorldStatePromptInput): PromptPart[] {
  const earlier = recentTranscript(input.transcript, { maxMessages: 6, maxChars: 4000 });
  const ask = [
    input.action === undefined ? "Player's action this turn: (none: this is the opening scene)" : `This turn: ${playerLine(input.action.trim(), input.mode ?? 'do')}`,
    `Narrator's reply this turn:\n${input.reply}`,
    `Reply with one JSON object and nothing else, with these fields: ${WORLD_STATE_REPLY_FIELDS}.`,
  ].join('\n\n');
  return [
    { role: 'system', text: input.systemPrompt },
    // After the opening the world state carries what matters of the setting: in the smallest contexts the scenario yields to this turn.
    { role: 'system', text: describeScenario(input.scenario), ...(input.action !== undefined && { optional: { tier: GAME_DROP_TIERS.scenario, order: 0 } }) },
    ...worldStateParts(input.state),
    // The heading goes with the newest message, the last of them to go.
    ...(earlier.length > 0 ? [{ role: 'user' as const, text: 'Earlier in the story:', optional: { tier: GAME_DROP_TIERS.transcript, order: earlier.length - 1 } }] : []),
    ...earlier.map((entry, index) => ({
      role: 'user' as const,
      text: entry.role === 'player' ? playerLine(entry.content, entry.mode ?? 'do') : `Narrator: ${entry.content}`,
      optional: { tier: GAME_DROP_TIERS.transcript, order: index },
    })),
    { role: 'user', text: ask },
  ];
}
