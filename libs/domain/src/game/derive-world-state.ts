import type { PlayerTurnMode, WorldState } from '@storyos/contracts';
import { normaliseAction } from '../text/action';
import { echoPhrase } from '../text/echo';
import { isNonsense } from '../text/nonsense';
import { toPastTense } from '../text/past-tense';
import { findDestination } from '../text/places';
import { splitSentences, truncate } from '../text/sentences';
import { describeCharacter, mentions } from './character-description';
import { findNames, type FoundName } from './names-in-text';

/** Chapters and acts advance with play, so long games get a shape without a model deciding it. */
export const TURNS_PER_CHAPTER = 5;
export const TURNS_PER_ACT = 15;

/** One turn as the rules read it. */
export interface DerivedTurn {
  /** The player's input; empty for the opening and for "continue". */
  action: string;
  /** How the input entered the story (default `do`). */
  mode?: PlayerTurnMode;
  /** The narrator's reply. */
  reply: string;
  /** 0: the opening. */
  turn: number;
  /** The player character's name: never listed as someone with you. */
  playerName: string;
}

/**
 * The world-state update by deterministic rules instead of a second model
 * call (the builtin engine's, and the fallback when a model's reply holds no
 * JSON), worded for the player: "You are at…", "You drew your sword.".
 * Moves the player where the action (or "you …" in the reply) goes, adds
 * newly named characters with their own description, keeps who is with the
 * player, logs the turn. The opening moves no one and logs nothing: the
 * scenario says where the story starts. `narratorWords` are the lower-case
 * words of the narrator's own phrase banks: a capitalised one opening a
 * sentence ("Glass shattered nearby.") is a thing, not a person.
 */
export function deriveWorldState(previous: WorldState, input: DerivedTurn, narratorWords: ReadonlySet<string>): WorldState {
  const mode = input.mode ?? 'do';
  const opening = input.turn === 0;
  // Story text is part of the story: read with the reply, it can move the player and bring people in.
  const storyText = mode === 'story' ? `${input.action}\n${input.reply}` : input.reply;
  const destination = opening ? null : ((mode === 'do' ? findDestination(input.action) : null) ?? findDestination(playerSentences(storyText)));
  const currentLocation = destination ? truncate(lowerArticle(destination), 200) : previous.currentLocation;

  const known = previous.characters.map((c) => c.name);
  const exclude = [input.playerName, ...known, currentLocation, previous.currentLocation];
  const common = commonWords(storyText, narratorWords);
  const found = [
    ...(mode === 'do' || mode === 'say' ? addressedNames(input.action, exclude) : []),
    ...findNames(storyText, exclude).filter((f) => !f.name.split(/\s+/).some((w) => common.has(w.toLowerCase()))),
  ];
  const newcomers = found
    .filter((f, i) => !known.some((name) => sameName(name, f.name)) && found.findIndex((g) => sameName(g.name, f.name)) === i)
    .map((f) => ({ name: truncate(f.name, 120), summary: describeCharacter(f.name, f.sentence) ?? truncate(f.sentence, 300) }));
  const characters = [...previous.characters, ...newcomers].slice(0, 50);

  const present = whoIsPresent(previous, characters, newcomers.map((c) => c.name), input, storyText, Boolean(destination) || opening);
  if (opening) {
    const worldState = summary(previous.act, previous.chapter, currentLocation, present, previous.timeline);
    return { ...previous, worldState, currentLocation, characters, present, turnCount: 0 };
  }

  const event = truncate(`${turnEvent(input.action, mode, input.playerName)}${arrival(input.action, destination, currentLocation)}${met(newcomers.map((c) => c.name))}`, 500);
  const timeline = [...previous.timeline, { turn: input.turn, event }].slice(-200);
  const turnCount = input.turn;
  const chapter = previous.chapter + (turnCount % TURNS_PER_CHAPTER === 0 ? 1 : 0);
  const act = previous.act + (turnCount % TURNS_PER_ACT === 0 ? 1 : 0);
  return { worldState: summary(act, chapter, currentLocation, present, timeline), currentLocation, characters, present, timeline, act, chapter, turnCount };
}

/** "Act 1, chapter 2. You are at the lamp room, with Wren. Recently: You lit the lamp. …" */
function summary(act: number, chapter: number, location: string, present: readonly string[], timeline: WorldState['timeline']): string {
  const company = present.length > 0 ? `, with ${list(present)}` : '';
  const recent = timeline.slice(-3).map((t) => t.event).join(' ');
  return truncate(`Act ${act}, chapter ${chapter}. You are at ${location}${company}.${recent ? ` Recently: ${recent}` : ''}`, 4000);
}

/** What the player did this turn, told to them: "You drew your sword.", "You said, "Hello."". */
export function turnEvent(action: string, mode: PlayerTurnMode, playerName = ''): string {
  if (mode === 'continue') return 'The story went on.';
  if (mode === 'story') {
    const first = splitSentences(action)[0] ?? action;
    return sentence(echoPhrase(first, 20));
  }
  if (isNonsense(action)) return 'You hesitated, and nothing happened.';
  const act = normaliseAction(mode === 'say' && !/^["“']/.test(action.trim()) ? `"${action.trim()}"` : action, playerName);
  if (act.kind === 'speech') return `You said, "${act.phrase}"`;
  if (act.kind === 'done') return sentence(`You ${act.phrase}`);
  const past = toPastTense(act.phrase);
  return sentence(past ? `You ${past}` : `You chose to ${act.phrase}`);
}

function arrival(action: string, destination: string | null, location: string): string {
  if (!destination) return '';
  return action.toLowerCase().includes(destination.toLowerCase().replace(/^(?:the|a|an|your)\s/, '')) ? '' : ` You reached ${location}.`;
}

function met(names: readonly string[]): string {
  return names.length > 0 ? ` You met ${list(names)}.` : '';
}

function list(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

function sentence(text: string): string {
  const trimmed = text.trim().replace(/[,;:\s]+$/, '');
  return /[.!?…]["”’]?$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** Verbs of leaving: "Wren left", "Captain Hale strode away". */
const LEAVES = /\b(?:left|leaves|walked away|went away|strode away|hurried away|hurried off|ran off|ran away|disappeared|vanished|slipped away|was gone|departed)\b/i;
/** A sentence about the past or someone missing does not put them in the scene ("Agnes Thorne vanished last winter"). */
const ABSENT = /\b(?:once|ago|last (?:winter|year|night|week)|used to|remembered|missing|dead|died|vanished)\b/i;

/**
 * Who is with the player after the turn: the people the player turns to,
 * those the narration shows in the scene (outside quoted speech, not in
 * the past), everyone met this turn, and — unless the player moved or the
 * story just began — whoever was there before; minus anyone who left.
 */
function whoIsPresent(previous: WorldState, characters: WorldState['characters'], newcomers: readonly string[], input: DerivedTurn, text: string, fresh: boolean): string[] {
  const others = characters.filter((c) => !sameName(c.name, input.playerName));
  const sentences = splitSentences(text).map((s) => s.replace(/["“][^"”]*["”]/g, ' '));
  const shown = (c: { name: string }) => sentences.some((s) => mentions(s, c.name) && !ABSENT.test(s));
  const turnedTo = input.mode === 'story' ? [] : addressedNames(input.action, [input.playerName]).map((f) => f.name);
  const named = others.filter((c) => shown(c) || turnedTo.some((name) => sameName(name, c.name))).map((c) => c.name);
  const left = new Set(others.filter((c) => sentences.some((s) => mentions(s, c.name) && LEAVES.test(s) && !/\byou\b/i.test(s.split(LEAVES)[0] ?? ''))).map((c) => c.name));
  const stayed = fresh ? [] : (previous.present ?? []).filter((name) => others.some((c) => c.name === name));
  return [...new Set([...stayed, ...named, ...newcomers])].filter((name) => !left.has(name) && !sameName(name, input.playerName)).slice(0, 50);
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
    names.push({ name, sentence: truncate(echoPhrase(action.trim()), 300) });
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
  for (const word of reply.match(/(?<![\p{L}'’])\p{Ll}+/gu) ?? []) words.add(word);
  return words;
}

/** Words that make a "you" sentence not a move: what might be, or what had been ("you had arrived at Emberfall the night before"). */
const NOT_NOW = /\b(?:if|could|would|should|might|may|must|can|will|had|once|ago|remember|remembered|before the|years)\b/i;

/** Only "you …" sentences that say what happens now move the player: the narration also mentions places others go, or went. */
function playerSentences(reply: string): string {
  return splitSentences(reply)
    .filter((s) => /\byou\b/i.test(s.replace(/["“][^"”]*["”]/g, ' ')) && !NOT_NOW.test(s))
    .join(' ');
}

function lowerArticle(place: string): string {
  return place.replace(/^(The|A|An)\s/, (m) => m.toLowerCase());
}

function sameName(a: string, b: string): boolean {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x === y || x.split(/\s+/).includes(y) || y.split(/\s+/).includes(x);
}
