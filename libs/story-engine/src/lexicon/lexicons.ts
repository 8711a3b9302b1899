import { CreateStoryToneSchema, StoryToneSchema, ToneSchema } from '@storyos/contracts';
import { z } from 'zod';
import createRegisterLexicon from './create-register-lexicon.json';
import createToneLexicon from './create-tone-lexicon.json';
import gameLexicon from './game-lexicon.json';
import { loadLexicon } from './load-lexicon';
import storyToneLexicon from './story-tone-lexicon.json';
import toneLexicon from './tone-lexicon.json';

/**
 * The game's words and sentence parts per tone; the free story borrows the
 * whimsical ones. Past tense, like the model's prose, so the two voices read
 * as one. Placeholders: {place} {Place} {npc} {player} {thing}.
 */
export const TONE_LEXICON = loadLexicon('game tone', toneLexicon, ToneSchema, {
  times: 'Opening time phrases, followed by a comma.',
  airs: 'Scene clauses about the place.',
  sounds: 'Sentences heard in the scene.',
  feelings: 'Sentences of what the player feels.',
  companions: 'Who the planner invents when the scenario names no other character: "Name, epithet".',
  gestures: 'What a character does when they appear; the sentence also prompts the model.',
  lines: 'What a character says.',
  things: 'What the player finds.',
  hooks: 'Questions that end a reply.',
  mood: 'Words that make a model sentence feel on-tone (scoring only).',
  resolve: 'Lead-ins for echoing the action: "Heart pounding, you decided to …".',
});

/**
 * More of the game's banks per tone, on top of TONE_LEXICON, so ten turns in
 * a row do not hear the same line twice; and the short, plain sentences the
 * TinyStories model is prompted with (its own register).
 */
export const GAME_LEXICON = loadLexicon('game', gameLexicon, ToneSchema, {
  sounds: 'More sentences heard in the scene.',
  feelings: 'More sentences of what the player feels.',
  acts: 'What a character already in the scene does ({npc}, no place).',
  scene: 'The model’s scene: TinyStories-style sentences about the mood, read in order.',
});

/**
 * The Writer's words and sentences per tone, past tense. Placeholders: {I}/{i}
 * the protagonist as subject in the story's point of view, {me} as object,
 * {my}/{My} possessive, {was} (was/were), {place} {Place} {spot} {other}
 * {thing}; in stakes {hero} {other}.
 */
export const STORY_TONES = loadLexicon('Writer tone', storyToneLexicon, StoryToneSchema, {
  times: 'Opening time phrases, followed by a comma.',
  airs: 'Clauses about the place.',
  sounds: 'Sentences heard in the scene.',
  feelings: 'Sentences of what the protagonist feels.',
  gestures: 'What the other character does on stage.',
  lines: 'What a character says.',
  things: 'What the protagonist finds.',
  hooks: 'Chapter-ending pulls (not the final chapter).',
  stakes: 'Premise stakes, present tense, third person.',
  mood: 'Words that make a model sentence feel on-tone (scoring only).',
});

/**
 * Every lower-case word of the game's tone table: the world-state rules read
 * a capitalised one opening a sentence ("Glass shattered nearby.") as a thing,
 * not a person (see deriveWorldState).
 */
export const GAME_NARRATOR_WORDS: ReadonlySet<string> = new Set(JSON.stringify(TONE_LEXICON).match(/(?<![\p{L}])\p{Ll}+/gu) ?? []);

/**
 * The illustrated story's sentences by register: picture-book (ages 0–6,
 * short sentences, everyday words), early-reader (7–9) and storyteller (10
 * and up). Placeholders: {intro} (who the hero is), {Hero}/{hero},
 * {Friend}/{friend}, {where} (a place phrase), {goal} (what the hero wants
 * to do, base form) and {done} (what they can do at the end).
 */
export const CREATE_REGISTERS = loadLexicon('illustrated story', createRegisterLexicon, z.enum(['picture-book', 'early-reader', 'storyteller']), {
  openings: 'The first sentence: who the story is about.',
  homes: 'Where the hero lives ({where}).',
  wishes: 'What the hero wants ({goal}).',
  plainWishes: 'A wish without saying what (when the plot cannot be said simply).',
  starts: 'The beginning scene ends by setting off.',
  tries: 'A first try at the goal.',
  plainTries: 'A first try, goal unsaid.',
  troubles: 'It does not work yet (worried at most, never frightened).',
  helpers: 'The second character helps ({friend}).',
  alones: 'The hero keeps going alone, when there is no second character.',
  agains: 'Trying again.',
  successes: 'It works ({done}).',
  plainSuccesses: 'It works, goal unsaid.',
  prides: 'How the hero feels at the end.',
  closings: 'The last line of the story.',
});
export type CreateRegister = keyof typeof CREATE_REGISTERS;

/** A line or two of the story's tone per scene, and a tone-fitting close. Same placeholders as CREATE_REGISTERS. */
export const CREATE_TONES = loadLexicon('illustrated story tone', createToneLexicon, CreateStoryToneSchema, {
  moods: 'A short sentence in the tone, for any scene.',
  endings: 'A closing sentence in the tone, for the last scene.',
});
