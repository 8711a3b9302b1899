import { StoryToneSchema, ToneSchema } from '@storyos/contracts';
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
