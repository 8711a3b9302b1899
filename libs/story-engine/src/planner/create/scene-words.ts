import type { AgeBand, StoryCharacter } from '@storyos/contracts';
import type { CreateRegister } from '../../lexicon/lexicons';

/** Which sentences a band reads: picture-book up to six, early-reader to nine, then the storyteller's. */
export function registerFor(band: AgeBand): CreateRegister {
  if (band === '0-3' || band === '4-6') return 'picture-book';
  return band === '7-9' ? 'early-reader' : 'storyteller';
}

/** How a character is called mid-sentence: a name, or "the dragon" for one known by what they are. */
export function calledMidSentence(character: StoryCharacter): string {
  return character.name;
}

/** "a shy dragon", "Pip, a shy dragon", "Mia": who the hero is, the first time the story says so. */
export function introduce(character: StoryCharacter): string {
  const described = describedAs(character);
  if (/^the\s/i.test(character.name)) return described ?? `a ${character.name.slice(4)}`;
  return described ? `${character.name}, ${described}` : character.name;
}

/** What a character is, with its article ("a shy dragon", "Mia's dog"), or null when nothing was said. */
export function describedAs(character: StoryCharacter): string | null {
  const described = character.description.trim();
  if (!described) return null;
  return /^(?:a|an|the|my|her|his|their|our)\s/i.test(described) || /'s\s/.test(described) ? described : `${/^[aeiou]/i.test(described) ? 'an' : 'a'} ${described}`;
}

const ON = new Set(['farm', 'island', 'moon', 'planet', 'ship', 'boat', 'hill', 'mountain', 'street', 'road', 'beach']);
const AT = new Set(['zoo', 'park', 'school', 'seaside', 'circus', 'playground', 'station', 'bakery', 'market']);

/** "in space", "on a farm", "at the zoo", "under the sea": the setting as a place phrase. */
export function wherePhrase(setting: string): string {
  const trimmed = setting.trim().replace(/[.!]+$/, '');
  if (/^(?:in|on|at|under|inside|near|by|across|beside|behind|above|below|far)\s/i.test(trimmed)) return trimmed;
  const noun = trimmed.toLowerCase().split(/\s+/).at(-1) ?? '';
  return `${ON.has(noun) ? 'on' : AT.has(noun) ? 'at' : 'in'} ${trimmed}`;
}

/** What the hero wants to do, from the plot: "A shy dragon learns to swim." → goal "learn to swim", done "swim". Null when the plot cannot be said that simply. */
export function goalOf(plot: string, hero: StoryCharacter): { goal: string; done: string } | null {
  const first = plot.split(/(?<=[.!?])\s/)[0]!.replace(/[.!?]+$/, '').trim();
  const subjects = [hero.name, hero.description, 'he', 'she', 'they', 'it'].filter(Boolean).map((s) => s.toLowerCase());
  const lower = first.toLowerCase();
  const subject = subjects.find((s) => lower.startsWith(`${s} `));
  if (!subject) return null;
  const rest = first.slice(subject.length).trim();
  const [verb, ...words] = rest.split(/\s+/);
  if (!verb || /^(?:is|was|has|had|are|were|does|did)$/i.test(verb)) return null;
  const base = baseForm(verb.toLowerCase());
  if (!base || words.length > 7) return null;
  const goal = [base, ...words].join(' ');
  const done = base === 'learn' && words[0] === 'to' ? words.slice(1).join(' ') : goal;
  return done ? { goal, done } : null;
}

/** "learns" → "learn", "goes" → "go", "flies" → "fly", "finds" → "find"; a word that is not a present-tense verb → null. */
function baseForm(verb: string): string | null {
  if (verb === 'goes') return 'go';
  if (verb === 'does') return 'do';
  if (/ies$/.test(verb)) return `${verb.slice(0, -3)}y`;
  if (/(?:ches|shes|sses|xes|zzes)$/.test(verb)) return verb.slice(0, -2);
  if (/[^s]s$/.test(verb)) return verb.slice(0, -1);
  return null;
}

/** Capitalises the first letter of a sentence that starts with "the dragon". */
export function capitalFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
