import type { StorySetup } from '@storyos/contracts';
import { parseCharacters, type StoryCharacter } from '@storyos/domain';
import { foldSetting, plotElementPhrase } from '../../text/setup-phrases';
import { PERSONA_VOICES } from './persona-voice';

/** What the planner draws on for every Writer phase: who, where and what the trouble is. */
export interface StoryWorld {
  hero: StoryCharacter;
  /** Everyone else the setup names (possibly none). */
  others: StoryCharacter[];
  /** The setting as a phrase for "In …," or null when it reads as sentences. */
  settingPhrase: string | null;
  /** The setting's own first sentence when it is written as prose. */
  settingSentence: string | null;
  /** A short way to say the place: "the town", "the island". */
  place: string;
  /** Spots inside the place: "the harbour", "the station". */
  spots: string[];
  /** Plot elements as phrases ("a coded telegram"); the persona's defaults when the setup has none. */
  elements: string[];
}

const FALLBACK_HERO: StoryCharacter = { name: 'Wren', shortName: 'Wren', description: '', pronoun: 'she' };

export function storyWorld(setup: StorySetup): StoryWorld {
  const characters = parseCharacters(setup.characters);
  const hero = characters[0] ?? FALLBACK_HERO;
  const elements = splitElements(setup.plotElements);
  const { phrase, sentence, places } = foldSetting(setup.setting);
  return {
    hero,
    others: characters.slice(1),
    settingPhrase: phrase,
    settingSentence: sentence,
    place: shortPlace(setup.setting),
    // The places a listed setting names come first: they are the writer's own.
    spots: [...places.map((place) => (/^(?:the|a|an)\s/i.test(place) || /^\p{Lu}/u.test(place) ? place.replace(/^(?:a|an)\s/i, 'the ') : `the ${place}`)), ...spotsFor(setup.setting)].slice(0, 6),
    elements: elements.length > 0 ? elements : PERSONA_VOICES[setup.persona].conflicts,
  };
}

function splitElements(text: string): string[] {
  return text
    .split(/[;\n]+|,\s*(?:and\s+)?|\s+and\s+(?=(?:a|an|the)\s)/)
    .map((e) => e.replace(/^\s*(?:[-*•]|\d+[.)])\s*/, '').replace(/[.!]+$/, '').trim())
    .filter((e) => e.length > 1 && e.split(/\s+/).length <= 14)
    .map(plotElementPhrase);
}

const PLACE_NOUNS = ['village', 'town', 'city', 'island', 'harbour', 'harbor', 'port', 'kingdom', 'forest', 'valley', 'castle', 'station', 'ship', 'colony', 'academy', 'school', 'manor', 'house', 'mountain', 'desert', 'planet', 'moon', 'realm', 'empire', 'countryside', 'farm', 'market', 'library', 'camp', 'garden', 'woods', 'jungle', 'coast', 'archipelago', 'hotel', 'circus', 'palace', 'abbey', 'estate', 'metropolis', 'outpost', 'settlement', 'megacity', 'district'];

function shortPlace(setting: string): string {
  const lower = setting.toLowerCase();
  let best: { index: number; noun: string } | null = null;
  for (const noun of PLACE_NOUNS) {
    const match = new RegExp(`\\b${noun}s?\\b`).exec(lower);
    if (match && (!best || match.index < best.index)) best = { index: match.index, noun };
  }
  if (best) return `the ${best.noun}`;
  const named = /\b(?:in|on|at)\s+((?:\p{Lu}[\p{L}'’-]+\s?){1,3})/u.exec(setting);
  return named ? named[1]!.trim() : 'the town';
}

const SPOTS: Array<[RegExp, string[]]> = [
  [/\b(?:sea|seaside|harbou?r|port|coast|island|beach|fishing)\b/i, ['the harbour wall', 'the end of the pier', 'the lighthouse steps', 'the fish market']],
  [/\b(?:space|ship|station|planet|orbit|colony|galaxy|star)\b/i, ['the observation deck', 'the cargo bay', 'the long corridor', 'the engine room']],
  [/\b(?:forest|woods|jungle|wood)\b/i, ['the old oak', 'the edge of the clearing', 'the mossy bridge', 'the hollow tree']],
  [/\b(?:castle|kingdom|palace|realm|empire|court)\b/i, ['the great hall', 'the castle gate', 'the tower stair', 'the throne room']],
  [/\b(?:city|metropolis|megacity|district|street)\b/i, ['the station', 'the corner café', 'the night market', 'the rooftop']],
  [/\b(?:school|academy|college)\b/i, ['the library', 'the old classroom', 'the playground gate', 'the clock tower']],
  [/\b(?:village|farm|countryside|valley)\b/i, ['the village green', 'the mill', 'the churchyard gate', 'the bakery']],
];

function spotsFor(setting: string): string[] {
  for (const [pattern, spots] of SPOTS) if (pattern.test(setting)) return spots;
  return ['the square', 'the old house', 'the crossroads', 'the post office'];
}
