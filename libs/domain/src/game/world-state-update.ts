import { WorldStateSchema, WorldStateUpdateSchema, type WorldState, type WorldStateUpdate } from '@storyos/contracts';
import { describeIssues, jsonReplyFormat } from '../generation/json-reply';
import type { JsonReplyFormat } from '../generation/prompt-plan';
import { extractJsonObject } from './parse-world-state';

/** What a world-state reply holds: the turn's changes, or (as older prompts ask) the whole state. */
export type WorldStateReply = { kind: 'update'; update: WorldStateUpdate } | { kind: 'state'; state: WorldState };

export type ReadWorldStateReply = { ok: true; reply: WorldStateReply } | { ok: false; problems: string[] };

/** The JSON Schema the world-state step asks providers to enforce. */
export const WORLD_STATE_REPLY_FORMAT: JsonReplyFormat = jsonReplyFormat('world_state_update', WorldStateUpdateSchema);

/**
 * Reads a chat model's world-state reply, strictly: the JSON must match the
 * contract (over-long text is clipped first: a long summary is still a
 * summary). Anything else is a list of problems, never a guess — a guess is
 * how prose turned into characters named "Peptermty,ion,undles".
 */
export function readWorldStateReply(text: string): ReadWorldStateReply {
  const data = extractJsonObject(text);
  if (!data) return { ok: false, problems: ['The reply holds no JSON object.'] };
  const update = WorldStateUpdateSchema.safeParse(clipUpdate(data));
  if (update.success) return { ok: true, reply: { kind: 'update', update: update.data } };
  const state = WorldStateSchema.safeParse(data);
  if (state.success) return { ok: true, reply: { kind: 'state', state: state.data } };
  return { ok: false, problems: describeIssues(update.error) };
}

/** The problems in a reply, for the step's one second chance; empty when it can be used. */
export function worldStateReplyProblems(text: string): string[] {
  const read = readWorldStateReply(text);
  return read.ok ? [] : read.problems;
}

/**
 * The state after a turn: the turn's changes merged into the state before
 * it. Characters are matched by name (a new summary replaces the old), the
 * event joins the timeline, acts and chapters only move forward, and
 * `turnCount` is ours to count.
 */
export function applyWorldStateReply(previous: WorldState, reply: WorldStateReply, turn: number): WorldState {
  if (reply.kind === 'state') return { ...reply.state, turnCount: turn };
  const { update } = reply;
  const characters = previous.characters.map((character) => ({ ...character }));
  const inTurn: string[] = [];
  for (const character of update.characters) {
    const known = characters.find((existing) => existing.name.trim().toLowerCase() === character.name.toLowerCase());
    if (known) known.summary = character.summary || known.summary;
    else characters.push({ name: character.name, summary: character.summary });
    inTurn.push(known?.name ?? character.name);
  }
  const player = previous.characters[0]?.name.toLowerCase();
  return {
    worldState: update.worldState,
    currentLocation: update.currentLocation,
    characters: characters.slice(0, 50),
    // The characters a turn's update lists are the ones in it.
    present: inTurn.filter((name) => name.toLowerCase() !== player),
    timeline: [...previous.timeline, { turn, event: update.event }].slice(-200),
    act: Math.max(previous.act, update.act),
    chapter: Math.max(previous.chapter, update.chapter),
    turnCount: turn,
  };
}

const LIMITS = { worldState: 4000, currentLocation: 200, event: 500 } as const;

function clipUpdate(data: Record<string, unknown>): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...data };
  for (const [key, max] of Object.entries(LIMITS)) copy[key] = clip(copy[key], max);
  if (Array.isArray(copy['characters'])) {
    copy['characters'] = copy['characters'].slice(0, 50).map((character: unknown) =>
      character && typeof character === 'object' ? { ...character, name: clip((character as Record<string, unknown>)['name'], 120), summary: clip((character as Record<string, unknown>)['summary'], 1000) } : character,
    );
  }
  return copy;
}

function clip(value: unknown, max: number): unknown {
  return typeof value === 'string' && value.length > max ? value.slice(0, max) : value;
}
