import { findNames, sentencesOf, type ImageRequest } from '@storyos/domain';
import { FIGURE_RULES, type FigureRule } from './character-rules';
import type { SceneCharacter, SceneDescription } from './scene';
import { MOOD_RULES, SETTING_RULES, TIME_RULES, WEATHER_RULES } from './scene-rules';
import { countMatches, strongest } from './word-rules';

/** More figures than this crowd a plate. */
const MAX_FIGURES = 4;
const MAX_CAPTION = 110;

/** Reads a scene's text into what its plate shows: place, light, mood, weather, who is there, and a caption. */
export function composeScene(request: ImageRequest): SceneDescription {
  const text = request.prompt;
  const weather = strongest(text, WEATHER_RULES, 'clear');
  return {
    setting: strongest(text, SETTING_RULES, weather === 'snow' ? 'snow' : 'meadow'),
    timeOfDay: strongest(text, TIME_RULES, 'day'),
    mood: strongest(text, MOOD_RULES, 'calm'),
    weather,
    characters: charactersOf(text, request.characters),
    caption: captionOf(request.caption ?? sentencesOf(text)[0] ?? ''),
    seed: request.seed ?? hashOf(text),
  };
}

/** Named characters first (as given, else as found in the text), then the unnamed figures the text mentions ("the knight"). */
function charactersOf(text: string, given: string[] | undefined): SceneCharacter[] {
  const names = given?.length ? given : findNames(text).map((found) => found.name);
  const characters: SceneCharacter[] = [];
  const covered = new Set<FigureRule>();
  for (const name of names) {
    const rule = ruleFor(name) ?? ruleNear(text, name);
    if (rule) covered.add(rule);
    characters.push(characterOf(name, rule));
  }
  const unnamed = FIGURE_RULES.flatMap((rule) =>
    rule.words.filter((word) => !covered.has(rule) && countMatches(text, [word]) > 0).map((word) => ({ word, rule, at: text.toLowerCase().search(new RegExp(`\\b${word}`)) })),
  );
  for (const { word, rule } of unnamed.sort((a, b) => a.at - b.at)) {
    if (characters.some((character) => character.name.toLowerCase() === word)) continue;
    characters.push(characterOf(word, rule));
  }
  return characters.slice(0, MAX_FIGURES);
}

/** "Queen Mira", "Rusty the Fox": the name itself says what they are. */
function ruleFor(name: string): FigureRule | undefined {
  return FIGURE_RULES.find((rule) => countMatches(name, rule.words) > 0);
}

/** "a fox named Rusty", "Rusty, the old fox": a figure word within a few words of the name. */
function ruleNear(text: string, name: string): FigureRule | undefined {
  const at = text.indexOf(name);
  if (at < 0) return undefined;
  const around = text.slice(Math.max(0, at - 30), at + name.length + 30);
  return FIGURE_RULES.find((rule) => countMatches(around, rule.words) > 0);
}

function characterOf(name: string, rule: FigureRule | undefined): SceneCharacter {
  const hash = hashOf(name.toLowerCase());
  return { name, kind: rule?.kind ?? 'person', headwear: rule?.headwear ?? 'none', hue: hash % 360, scale: rule?.scale ?? 1 };
}

function captionOf(sentence: string): string {
  const clean = sentence.replace(/\s+/g, ' ').trim();
  if (clean.length <= MAX_CAPTION) return clean;
  const cut = clean.slice(0, MAX_CAPTION).replace(/\s+\S*$/, '');
  return `${cut.replace(/[,;:]$/, '')}…`;
}

/** FNV-1a, 32-bit. */
export function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
