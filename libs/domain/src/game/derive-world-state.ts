import type { WorldState } from '@storyos/contracts';
import { normaliseAction } from '../text/action';
import { findDestination } from '../text/places';
import { truncate } from '../text/sentences';
import { findNames, type FoundName } from './names-in-text';

/** Chapters and acts advance with play, so long games get a shape without a model deciding it. */
export const TURNS_PER_CHAPTER = 5;
export const TURNS_PER_ACT = 15;

/**
 * The world-state update by deterministic rules instead of a second model
 * call (the builtin engine's, and the fallback when a model's reply holds no
 * JSON). Moves the player when the action (or "you …" in the reply) goes
 * somewhere, adds newly named characters, logs the turn. `narratorWords` are
 * the lower-case words of the narrator's own phrase banks: a capitalised one
 * opening a sentence ("Glass shattered nearby.") is a thing, not a person.
 */
export function deriveWorldState(previous: WorldState, action: string, reply: string, turn: number, narratorWords: ReadonlySet<string>): WorldState {
  const turnCount = previous.turnCount + 1;
  const destination = findDestination(action) ?? findDestination(playerSentences(reply));
  const currentLocation = destination ? truncate(capitaliseProperPlace(destination), 200) : previous.currentLocation;

  const known = previous.characters.map((c) => c.name);
  const exclude = [...known, currentLocation, previous.currentLocation];
  const common = commonWords(reply, narratorWords);
  const found = [...addressedNames(action, exclude), ...findNames(reply, exclude).filter((f) => !f.name.split(/\s+/).some((w) => common.has(w.toLowerCase())))];
  const newcomers = found
    .filter((f, i) => !known.some((name) => sameName(name, f.name)) && found.findIndex((g) => sameName(g.name, f.name)) === i)
    .map((found) => ({ name: truncate(found.name, 120), summary: truncate(`Met on turn ${turn}: ${found.sentence}`, 1000) }));
  const characters = [...previous.characters, ...newcomers].slice(0, 50);

  const act = normaliseAction(action);
  const did = act.kind === 'speech' ? `said "${act.phrase}"` : act.kind === 'done' ? act.phrase : `chose to ${act.phrase}`;
  const where = destination ? `and went to ${currentLocation}` : `at ${currentLocation}`;
  const met = newcomers.length > 0 ? ` Met ${newcomers.map((c) => c.name).join(', ')}.` : '';
  const event = truncate(`The player ${did} ${where}.${met}`, 500);
  const timeline = [...previous.timeline, { turn, event }].slice(-200);

  const chapter = previous.chapter + (turnCount % TURNS_PER_CHAPTER === 0 ? 1 : 0);
  const actNumber = previous.act + (turnCount % TURNS_PER_ACT === 0 ? 1 : 0);
  const recent = timeline.slice(-3).map((t) => t.event).join(' ');
  const worldState = truncate(`Act ${actNumber}, chapter ${chapter}. The player is at ${currentLocation}. Recently: ${recent}`, 4000);

  return { worldState, currentLocation, characters, timeline, act: actNumber, chapter, turnCount };
}

/** What a turn's world-state step works from. */
export interface TurnOutcome {
  /** The world before this turn. */
  previous: WorldState;
  /** 0 for the opening. */
  turn: number;
  /** The player's action; none for the opening. */
  action?: string | null;
  /** The narrator's reply. */
  reply: string;
}

/**
 * The world after a turn by rules: the builtin engine's answer to the
 * world-state step (it writes no JSON a model decided). `turnCount` counts
 * player turns, so the opening logs no action, keeps act and chapter, and
 * leaves it at 0; it keeps the newcomers the opening introduced.
 */
export function worldStateAfterTurn({ previous, turn, action, reply }: TurnOutcome, narratorWords: ReadonlySet<string>): WorldState {
  const derived = deriveWorldState(previous, action ?? '', reply, turn, narratorWords);
  if (turn === 0) return { ...derived, timeline: previous.timeline, act: previous.act, chapter: previous.chapter, turnCount: 0 };
  return { ...derived, turnCount: turn };
}

/** People the player's action turns to ("ask Wren about the key", "follow Captain Hale"): the player says they are there. */
const SOCIAL = /\b(?:ask|asks|tell|tells|greet|greets|warn|warns|help|helps|follow|follows|find|finds|meet|meets|wake|wakes|thank|thanks|hug|hugs|trust|question|questions|call|calls|shake|free|rescue|save|wait for|look for|search for|talk to|talk with|speak to|speak with|go with|sit with|show|give|hand)\s+((?:\p{Lu}\p{Ll}+\.?\s+){0,2}\p{Lu}\p{Ll}+)/gu;

function addressedNames(action: string, exclude: readonly string[]): FoundName[] {
  const excluded = new Set(exclude.flatMap((e) => e.toLowerCase().split(/[^\p{L}]+/u)).filter(Boolean));
  const names: FoundName[] = [];
  for (const match of action.matchAll(SOCIAL)) {
    const name = match[1]!.replace(/\./g, '').trim();
    const words = name.split(/\s+/);
    if (words.some((w) => excluded.has(w.toLowerCase()) || /^(?:The|A|An|I|You|Me|Him|Her|Them|It)$/.test(w))) continue;
    names.push({ name, sentence: truncate(action.trim(), 300) });
  }
  return names;
}

/**
 * Words used in lower case, in the reply or in the narrator's own sentences:
 * "Glass shattered nearby." or "Footsteps pounded" starts a sentence with a
 * thing, not a person.
 */
function commonWords(reply: string, narratorWords: ReadonlySet<string>): Set<string> {
  const words = new Set(narratorWords);
  for (const word of reply.match(/(?<![\p{L}])\p{Ll}+/gu) ?? []) words.add(word);
  return words;
}

/** Only "you …" sentences move the player: the narration also mentions places others go. */
function playerSentences(reply: string): string {
  return (reply.match(/[^.!?]*\byou\b[^.!?]*[.!?]/gi) ?? []).join(' ');
}

function capitaliseProperPlace(place: string): string {
  return place.replace(/^(The|A|An)\s/, (m) => m.toLowerCase());
}

function sameName(a: string, b: string): boolean {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x === y || x.split(/\s+/).includes(y) || y.split(/\s+/).includes(x);
}
