import type { WorldState } from '@storyos/contracts';
import { normaliseAction } from '../engine/text/action';
import { findDestination } from '../engine/text/places';
import { truncate } from '../engine/text/sentences';
import { findNames } from './names-in-text';

/** Chapters and acts advance with play, so long games get a shape without a model deciding it. */
export const TURNS_PER_CHAPTER = 5;
export const TURNS_PER_ACT = 15;

/**
 * The builtin engine's world-state update: deterministic rules instead of a
 * second model call. Moves the player when the action (or "you …" in the
 * reply) goes somewhere, adds newly named characters, logs the turn.
 */
export function deriveWorldState(previous: WorldState, action: string, reply: string, turn: number): WorldState {
  const turnCount = previous.turnCount + 1;
  const destination = findDestination(action) ?? findDestination(playerSentences(reply));
  const currentLocation = destination ? truncate(capitaliseProperPlace(destination), 200) : previous.currentLocation;

  const known = previous.characters.map((c) => c.name);
  const newcomers = findNames(reply, [...known, currentLocation, previous.currentLocation])
    .filter((found) => !known.some((name) => sameName(name, found.name)))
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
