import type { PlayerTurnMode, WorldState } from '@storyos/contracts';
import type { PromptPart } from '../generation/prompt-plan';
import type { TranscriptEntry } from './game-scenario';

/**
 * What the game gives up first when a prompt must shrink: old turns (the
 * world state and timeline summarise them), then the oldest timeline
 * events, then the characters listed longest ago, and last (only where the
 * world state already carries it) the scenario itself.
 */
export const GAME_DROP_TIERS = { transcript: 0, timeline: 1, characters: 2, scenario: 3 } as const;

/** A summary longer than this is cut in prompts: it is sent every turn, and must fit the smallest contexts. */
const SUMMARY_CHARS = 2000;
const CHARACTER_CHARS = 300;

/** The world state as prompt parts: where the story stands always; characters and timeline as far as they fit. */
export function worldStateParts(state: WorldState): PromptPart[] {
  const summary = state.worldState.length > SUMMARY_CHARS ? `${state.worldState.slice(0, SUMMARY_CHARS - 1)}…` : state.worldState;
  const parts: PromptPart[] = [
    {
      role: 'system',
      text: `Where the story stands (act ${state.act}, chapter ${state.chapter}, after ${state.turnCount} ${state.turnCount === 1 ? 'turn' : 'turns'}):\n${summary}\nThe player is at: ${state.currentLocation}.${state.present?.length ? `\nWith the player: ${state.present.join(', ')}.` : ''}`,
    },
  ];
  if (state.characters.length > 0) {
    parts.push({ role: 'system', text: 'Characters so far:' });
    state.characters.forEach((character, index) => {
      const summaryText = character.summary.length > CHARACTER_CHARS ? `${character.summary.slice(0, CHARACTER_CHARS - 1)}…` : character.summary;
      // The player character is always there; the others yield, earliest listed first.
      parts.push({ role: 'system', text: `- ${character.name}: ${summaryText}`, joinWith: '\n', ...(index > 0 && { optional: { tier: GAME_DROP_TIERS.characters, order: index } }) });
    });
  }
  if (state.timeline.length > 0) {
    parts.push({ role: 'system', text: 'What happened so far, oldest first:' });
    for (const event of state.timeline) parts.push({ role: 'system', text: `- Turn ${event.turn}: ${event.event}`, joinWith: '\n', optional: { tier: GAME_DROP_TIERS.timeline, order: event.turn } });
  }
  return parts;
}

/** The ask that stands for the opening in the transcript, so the chat starts with the user and roles alternate. */
export const OPENING_TURN_ASK = 'Begin the story.';

/**
 * The transcript as chat turns, each dropped whole and oldest first: the
 * player's action (a user message) with the narrator's reply to it (an
 * assistant message). A reply whose action was cut from the transcript is
 * left out, so the chat still starts with the user and roles alternate.
 */
export function transcriptParts(entries: readonly TranscriptEntry[]): PromptPart[] {
  const turns = new Map<number, { action?: string; mode?: TranscriptEntry['mode']; reply?: string }>();
  let counted = 0;
  for (const entry of entries) {
    if (entry.role === 'player') counted += 1;
    const turn = entry.turn ?? counted;
    const unit = turns.get(turn) ?? {};
    if (entry.role === 'player') {
      unit.action = entry.content;
      unit.mode = entry.mode;
    } else unit.reply = entry.content;
    turns.set(turn, unit);
  }
  const parts: PromptPart[] = [];
  for (const [turn, unit] of [...turns.entries()].sort(([a], [b]) => a - b)) {
    const rank = { tier: GAME_DROP_TIERS.transcript, order: turn };
    const ask = unit.action !== undefined ? playerLine(unit.action, unit.mode ?? 'do') : turn === 0 ? OPENING_TURN_ASK : null;
    if (ask === null) continue;
    parts.push({ role: 'user', text: ask, optional: rank });
    if (unit.reply !== undefined) parts.push({ role: 'assistant', text: unit.reply, optional: rank });
  }
  return parts;
}

/** A player message as the transcript tells it to the model, by how it entered the story. */
export function playerLine(content: string, mode: PlayerTurnMode): string {
  switch (mode) {
    case 'say':
      return `Player says: "${content.replace(/^["“]|["”]$/g, '')}"`;
    case 'story':
      return `Player writes into the story: ${content}`;
    case 'continue':
      return CONTINUE_STORY_ASK;
    default:
      return `Player: ${content}`;
  }
}

/** The ask of a turn with no input: the narrator goes on. */
export const CONTINUE_STORY_ASK = 'Continue the story from where it stands; the player adds nothing this time.';
