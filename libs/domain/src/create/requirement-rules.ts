import {
  DEFAULT_SCENE_COUNT,
  REQUIRED_REQUIREMENT_FIELDS,
  type AgeBand,
  type RequirementField,
  type StoryCharacter,
  type StoryRequirements,
  type StoryStyle,
  type CreateStoryTone,
} from '@storyos/contracts';

/** Requirements with every default filled in: what a story is made from. Only the narrator's voice may stay unset (the speech provider's default). */
export interface CompleteStoryRequirements {
  title: string;
  ageBand: AgeBand;
  characters: StoryCharacter[];
  setting: string;
  plot: string;
  style: StoryStyle;
  tone: CreateStoryTone;
  sceneCount: number;
  narratorVoice: string | null;
}

/** The order the agent asks in: the required fields first, then what has a default. */
const ASKING_ORDER: readonly RequirementField[] = ['ageBand', 'characters', 'plot', 'setting', 'style', 'tone', 'sceneCount', 'narratorVoice'];

const QUESTIONS: Readonly<Record<Exclude<RequirementField, 'title'>, string>> = {
  ageBand: 'Who is the story for — how old are they?',
  characters: 'Who is in the story? Tell me about the main character (a name helps).',
  plot: 'What happens in the story?',
  setting: 'Where does it take place?',
  style: 'What kind of story would you like — fantasy, sci-fi, adventure, a fairy tale, animals, a mystery, something funny?',
  tone: 'How should it feel — gentle, cozy, funny, exciting, silly?',
  sceneCount: 'How many scenes (pages) should it have? Three is a nice length.',
  narratorVoice: 'Is there a narrator voice you would like for the reading, or shall I pick one?',
};

/** Fields not known yet, required ones first, in the order the agent asks about them. */
export function missingRequirementFields(r: StoryRequirements): RequirementField[] {
  return ASKING_ORDER.filter((field) => (field === 'characters' ? r.characters.length === 0 : r[field] === null));
}

/** Whether "Make my story" may be pressed: every required field is known (the rest have defaults). */
export function isReadyToCreate(r: StoryRequirements): boolean {
  const missing = new Set(missingRequirementFields(r));
  return REQUIRED_REQUIREMENT_FIELDS.every((field) => !missing.has(field));
}

/**
 * The requirements with defaults for what was left open: a title from the
 * characters and plot, a setting and style that follow from them, a tone from
 * the age band, three scenes. Throws when a required field is missing: check
 * `isReadyToCreate` first.
 */
export function withRequirementDefaults(r: StoryRequirements): CompleteStoryRequirements {
  if (!isReadyToCreate(r) || r.ageBand === null || r.plot === null) throw new Error(`Story requirements are incomplete: ${missingRequirementFields(r).join(', ')}`);
  const ageBand = r.ageBand;
  return {
    title: r.title ?? defaultTitle(r.characters, r.plot),
    ageBand,
    characters: r.characters,
    setting: r.setting ?? 'a place not far from home',
    plot: r.plot,
    style: r.style ?? defaultStyle(r),
    tone: r.tone ?? (ageBand === '0-3' || ageBand === '4-6' ? 'gentle' : ageBand === '7-9' || ageBand === '10-12' ? 'exciting' : 'heartwarming'),
    sceneCount: r.sceneCount ?? DEFAULT_SCENE_COUNT,
    narratorVoice: r.narratorVoice,
  };
}

/** One or two questions for what is still missing, required ones first; empty when nothing is. */
export function nextAgentQuestions(r: StoryRequirements): string[] {
  const missing = missingRequirementFields(r).filter((field): field is Exclude<RequirementField, 'title'> => field !== 'title');
  const required = missing.filter((field) => (REQUIRED_REQUIREMENT_FIELDS as readonly string[]).includes(field));
  // Required fields two at a time; once they are known, the optional ones one at a time, so the parent can press "Make my story" sooner.
  const asked = required.length > 0 ? required.slice(0, 2) : missing.slice(0, 1);
  return asked.map((field) => QUESTIONS[field]);
}

/** "The Shy Dragon Learns to Swim": what happens, told of the hero (a leading "he"/"she" becomes their name), in title case, short. */
function defaultTitle(characters: readonly StoryCharacter[], plot: string): string {
  const hero = characters[0];
  const told = plot
    .replace(/[.!?]+$/, '')
    .split(/(?<=[.!?])\s/)[0]!
    .replace(/[.!?]+$/, '')
    .replace(/^(?:he|she|they|it)\b/i, hero ? hero.name : '$&')
    .replace(/^an?\s/i, 'the ');
  const words = told.split(/\s+/).slice(0, 9);
  const title = words.map((word, index) => (index > 0 && SMALL_WORDS.has(word.toLowerCase()) ? word.toLowerCase() : word.charAt(0).toUpperCase() + word.slice(1))).join(' ');
  return title.length > 120 ? title.slice(0, 120).trimEnd() : title;
}

const SMALL_WORDS = new Set(['a', 'an', 'the', 'and', 'or', 'of', 'to', 'in', 'on', 'at', 'for', 'with', 'who', 'her', 'his']);

/** A style that follows from what was said, so a dragon story is a fantasy and a rocket story sci-fi. */
function defaultStyle(r: StoryRequirements): StoryStyle {
  const said = `${r.characters.map((c) => `${c.name} ${c.description}`).join(' ')} ${r.setting ?? ''} ${r.plot ?? ''}`.toLowerCase();
  for (const [style, words] of STYLE_HINTS) if (words.test(said)) return style;
  return 'adventure';
}

const STYLE_HINTS: readonly [StoryStyle, RegExp][] = [
  ['sci-fi', /\b(?:space|rocket|robot|planet|alien|moon|star ?ship|astronaut)s?\b/],
  ['fairy-tale', /\b(?:princess|prince|king|queen|castle|fairy|fairies)\b/],
  ['fantasy', /\b(?:dragon|wizard|witch|magic|unicorn|elf|elves|troll|giant)s?\b/],
  ['animals', /\b(?:cat|dog|bunny|rabbit|bear|fox|owl|mouse|mice|duck|pig|cow|horse|puppy|kitten|lion|tiger|elephant|penguin|frog|turtle|hedgehog)s?\b/],
  ['mystery', /\b(?:mystery|detective|clue|missing|lost)\b/],
];
