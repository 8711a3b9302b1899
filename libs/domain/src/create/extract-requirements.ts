import { MAX_SCENE_COUNT, MIN_SCENE_COUNT, StoryRequirementsSchema, type StoryRequirements } from '@storyos/contracts';
import { capitalise, findCharacterLists, mergeCharacters, nounOf } from './extract-characters';
import { NUMBER_PATTERN, readNumber } from './number-words';
import { ageBandForYears, AUDIENCE_RULES, STORY_PLACE_NOUNS, STYLE_RULES, TONE_RULES, type WordRule } from './requirement-words';

const MAX_CHARACTERS = 8;

/** What the rules work on: the message with what earlier rules read blanked out, and the requirements so far. */
interface Reading {
  /** The message as said. */
  said: string;
  /** The message; spans a rule has read are replaced by spaces, so a later rule does not read them again. */
  text: string;
  requirements: StoryRequirements;
}

/** One named rule of the extractor, with why it exists. */
interface ExtractionRule {
  name: string;
  reason: string;
  apply(reading: Reading): void;
}

const SCENE_NOUNS = '(?:scenes?|pages?|parts?|chapters?|pictures?)';
/** A clause runs to the end of its sentence or the next comma. */
const CLAUSE = "([^,.;!?]+)";

/**
 * The rules, in the order they run. Earlier rules blank out what they read,
 * so "5 scenes" is not an age and "call him Pip" is not a character list.
 */
const RULES: readonly ExtractionRule[] = [
  {
    name: 'quoted title',
    reason: 'A title is only taken when the user names one ("call it “Moon Swim”", "titled The Brave Bunny").',
    apply(reading) {
      const match = /\b(?:title(?:d| it| is)?|call (?:it|the story)|name (?:it|the story))\s*:?\s*(?:["“'‘]([^"”'’]{2,120})["”'’]|((?:\p{Lu}[\p{L}'’-]*\s*){1,8}))/u.exec(reading.text);
      const title = (match?.[1] ?? match?.[2])?.trim();
      if (!match || !title) return;
      reading.requirements.title = title;
      blank(reading, match.index, match[0].length);
    },
  },
  {
    name: 'narrator voice',
    reason: 'A voice is only set when the user asks for one ("narrated by Nova", "use the Aria voice").',
    apply(reading) {
      const match = /\b(?:narrated by|read (?:aloud )?by|narrator(?: voice)? (?:is|should be)|use the|in the|with the)\s+(?:a |an |the )?([\p{L}][\p{L} '’-]{0,40}?)\s+voice\b|\bnarrated by\s+(?:a |an |the )?([\p{L}][\p{L}'’-]{1,40})/iu.exec(reading.text);
      const voice = (match?.[1] ?? match?.[2])?.trim();
      if (!match || !voice) return;
      reading.requirements.narratorVoice = voice;
      blank(reading, match.index, match[0].length);
    },
  },
  {
    name: 'scene count',
    reason: 'A number of scenes, pages or parts, in digits or words; the last one said wins ("actually four scenes"). Out of range is brought to the nearest allowed.',
    apply(reading) {
      const pattern = new RegExp(`\\b(${NUMBER_PATTERN})\\s+(?:(?:short|little|long|more)\\s+)?${SCENE_NOUNS}\\b|\\b${SCENE_NOUNS}\\s*[:=]\\s*(${NUMBER_PATTERN})\\b|\\b(?:a )?(single|one)[- ]${SCENE_NOUNS}\\b`, 'gi');
      for (const match of [...reading.text.matchAll(pattern)]) {
        const count = readNumber(match[1] ?? match[2] ?? match[3] ?? '');
        if (count === null) continue;
        reading.requirements.sceneCount = Math.min(MAX_SCENE_COUNT, Math.max(MIN_SCENE_COUNT, count));
        blank(reading, match.index, match[0].length);
      }
    },
  },
  {
    name: 'age in years',
    reason: '"my 5-year-old", "she\'s 7", "for a seven year old", "aged 8", "ages 4 to 6": the band of the age (the youngest of a range).',
    apply(reading) {
      const n = `(${NUMBER_PATTERN})`;
      const patterns = [
        new RegExp(`\\b${n}[- ](?:years?|yrs?)[- ]olds?\\b`, 'gi'),
        new RegExp(`\\b${n}[- ]?(?:years?|yrs?)\\b(?=\\s+(?:and|&)|[,.;!?]|$)`, 'gi'),
        new RegExp(`\\b(?:she|he|they|kids?|child|children|sons?|daughters?|boys?|girls?|grandsons?|granddaughters?|nieces?|nephews?|twins)\\s*(?:'s|’s|'re|’re| is| are| just turned| turned| turns| will be)\\s+(?:almost |nearly |only |just )?${n}\\b(?!\\s*(?:${SCENE_NOUNS}|%|o'clock|pm|am))`, 'gi'),
        new RegExp(`\\b(?:aged?|ages)\\s+${n}(?:\\s*(?:-|–|to)\\s*${n})?\\b`, 'gi'),
        new RegExp(`\\bfor (?:a |an )?${n}\\s*(?:-|–|to)\\s*${n}\\b(?!\\s*${SCENE_NOUNS})`, 'gi'),
      ];
      for (const pattern of patterns) {
        for (const match of [...reading.text.matchAll(pattern)]) {
          const years = readNumber(match[1] ?? '');
          if (years === null || years > 120) continue;
          reading.requirements.ageBand = ageBandForYears(years);
          blank(reading, match.index, match[0].length);
        }
      }
      const months = new RegExp(`\\b${n}[- ]months?(?:[- ]olds?)?\\b`, 'gi').exec(reading.text);
      if (months) {
        reading.requirements.ageBand = '0-3';
        blank(reading, months.index, months[0].length);
      }
    },
  },
  {
    name: 'audience words',
    reason: '"for toddlers", "a teenager", "for grown-ups" say the band without an age.',
    apply(reading) {
      const found = lastSaid(reading.text, AUDIENCE_RULES);
      if (found) reading.requirements.ageBand = found.value;
    },
  },
  {
    name: 'naming',
    reason: '"call him Pip", "her name is Mia", "the dragon is called Pip": names the character meant, or the first one still without a name.',
    apply(reading) {
      const patterns = [
        /\b(?:call|name)\s+(?:him|her|them|the (\p{L}+))\s+["“]?(\p{L}[\p{L}'’-]*)/giu,
        /\b(?:his|her|their) name(?:'s|’s| is| should be)\s+["“]?(\p{L}[\p{L}'’-]*)/giu,
        /\bthe (\p{L}+) (?:is|should be) (?:called|named)\s+["“]?(\p{L}[\p{L}'’-]*)/giu,
      ];
      for (const [index, pattern] of patterns.entries()) {
        for (const match of [...reading.text.matchAll(pattern)]) {
          const noun = index === 1 ? null : (match[1]?.toLowerCase() ?? null);
          const name = capitalise((index === 1 ? match[1] : match[2])!);
          nameCharacter(reading.requirements, noun, name);
          blank(reading, match.index, match[0].length);
        }
      }
    },
  },
  {
    name: 'characters and what they do',
    reason: '"about a shy dragon who learns to swim", "a princess and her cat", "Mia and her dog Rex": a list of characters; a "who …" clause after it is the plot.',
    apply(reading) {
      for (const list of findCharacterLists(reading.text)) {
        reading.requirements.characters = mergeCharacters(reading.requirements.characters, list.characters, MAX_CHARACTERS);
        const clause = new RegExp(`^\\s*(?:,\\s*)?(?:who|that|which)\\s+${CLAUSE}`, 'iu').exec(reading.text.slice(list.end));
        if (clause) {
          const hero = list.characters.length === 1 ? list.characters[0]! : null;
          const subject = hero ? (hero.named ? hero.name : hero.description || hero.name) : list.characters.map((c) => (c.named ? c.name : c.description)).join(' and ');
          reading.requirements.plot = sentence(`${subject} ${clause[1]!.trim()}`);
        }
        // The clause stays readable: "who learns to swim in the lake" also says where.
        blank(reading, list.start, list.end - list.start);
      }
    },
  },
  {
    name: 'plot said outright',
    reason: '"a story where they find a treasure", "about how the moon lost its glow", "what happens: …", "the plot is …".',
    apply(reading) {
      const match = new RegExp(`\\b(?:story|tale|one)\\s+(?:where|in which|about how|when)\\s+${CLAUSE}|\\babout how\\s+${CLAUSE}|\\b(?:what happens|the plot)\\s*(?:is|:)\\s*${CLAUSE}`, 'iu').exec(reading.text);
      const plot = (match?.[1] ?? match?.[2] ?? match?.[3])?.trim();
      if (!match || !plot || plot.split(/\s+/).length < 2) return;
      reading.requirements.plot = sentence(plot);
      blank(reading, match.index, match[0].length);
    },
  },
  {
    name: 'what a character does',
    reason: 'An answer to "what happens?": a sentence whose subject is a pronoun or a known character and whose verb is an action ("she finds a lost star"). "And then …" adds to the plot.',
    apply(reading) {
      const names = reading.requirements.characters.map((c) => escapeRegExp(c.name)).filter(Boolean);
      const subjects = ['he', 'she', 'they', 'it', ...names].join('|');
      const pattern = new RegExp(`(?:^|[.!?]|\\b(?:and then|then))\\s*((?:and then |then )?(?:${subjects})\\s+(?:${ACTION_VERBS})\\b[^,.;!?]*)`, 'iu');
      const match = pattern.exec(reading.text);
      if (!match) return;
      const said = match[1]!.trim();
      const continues = /^(?:and then|then)\b/i.test(said) || /\b(?:and then|then)\s*$/i.test(reading.text.slice(0, match.index + match[0].indexOf(said)));
      const plot = sentence(said.replace(/^(?:and then|then)\s+/i, ''));
      reading.requirements.plot = continues && reading.requirements.plot ? `${reading.requirements.plot} Then ${plot.charAt(0).toLowerCase()}${plot.slice(1)}` : plot;
      // Not blanked: "he finds a map in the attic" also says where.
    },
  },
  {
    name: 'setting',
    reason: '"in space", "under the sea", "on a farm", "set in a snowy forest": a place phrase ending in a place noun; the last one said wins.',
    apply(reading) {
      const pattern = /\b(set in|takes? place (?:in|on|at)|lives? (?:in|on|at)|living (?:in|on|at)|in|on|at|under|inside|near|by|across)\s+((?:[\p{Ll}'-]+ ?){1,5})/gu;
      for (const match of [...reading.text.matchAll(pattern)]) {
        // The place phrase runs to the first place noun within a few words: "in a magical forest", "under the deep blue sea".
        const words = match[2]!.trim().split(' ');
        const end = words.findIndex((word, index) => STORY_PLACE_NOUNS.has(word) && !words.slice(0, index).some((before) => NOT_IN_PLACE_PHRASE.has(before)));
        if (end < 0 || end > 3) continue;
        const preposition = match[1]!.toLowerCase();
        const keep = /^(?:under|inside|near|by|across)$/.test(preposition) ? `${preposition} ` : '';
        reading.requirements.setting = `${keep}${words.slice(0, end + 1).join(' ')}`;
      }
    },
  },
  {
    name: 'style',
    reason: 'A kind of story named outright; the last one said wins, and "not a mystery" is no mystery.',
    apply(reading) {
      const found = lastSaid(reading.said, STYLE_RULES);
      if (found) reading.requirements.style = found.value;
    },
  },
  {
    name: 'tone',
    reason: 'How it should feel, named outright ("make it funny"); "bedtime" is gentle; the last one said wins, and "not scary" is not spooky.',
    apply(reading) {
      const found = lastSaid(reading.said, TONE_RULES);
      if (found) reading.requirements.tone = found.value;
    },
  },
];

/** Words that end a place phrase before its noun: "in the hope that …" is no place. */
const NOT_IN_PLACE_PHRASE = new Set(['who', 'that', 'which', 'and', 'or', 'is', 'are', 'was', 'to', 'with', 'of', 'for', 'my', 'his', 'her', 'their', 'love', 'order', 'case', 'time']);

/** Verbs that make a sentence about a character an event of the story. */
const ACTION_VERBS =
  '(?:wants?|learns?|finds?|goes|go|gets?|meets?|discovers?|tries|try|helps?|saves?|loses?|makes?|builds?|visits?|flies|fly|travels?|searches|search|looks?|becomes?|plays?|explores?|rescues?|escapes?|bakes?|sails?|climbs?|runs?|jumps?|dances?|sings?|wins?|starts?|decides?|sets? off|needs?|must|has to|have to|can(?:no|\')t|is (?:afraid|scared|looking|trying|going)|are (?:afraid|looking|trying|going)|befriends?|follows?|hides?|swims?|dreams?|wishes|wish|counts?|shares?|plants?|paints?|catches|catch|returns?)';

/**
 * Reads a user's message into the requirements: what it says replaces what
 * was known, what it does not say stays, and nothing is guessed. The rules
 * (see RULES) are plain patterns, for the builtin engine; a real model's
 * extraction is a JSON step read by `parseExtractedRequirements`.
 */
export function extractRequirements(current: StoryRequirements, userText: string): StoryRequirements {
  const said = ` ${userText.replace(/\s+/g, ' ').trim()} `.replace(/[’]/g, "'");
  const reading: Reading = { said, text: said, requirements: { ...current, characters: current.characters.map((c) => ({ ...c })) } };
  for (const rule of RULES) rule.apply(reading);
  // Text fields go through the contract so a long answer is never stored past its limit.
  const checked = StoryRequirementsSchema.safeParse(clipToContract(reading.requirements));
  return checked.success ? checked.data : current;
}

/** Gives the character meant by `noun` (or the first one without a name) its name; with no characters yet, the name is a new one. */
function nameCharacter(requirements: StoryRequirements, noun: string | null, name: string): void {
  const characters = requirements.characters;
  const meant = (noun && characters.find((c) => nounOf(c) === noun)) || characters.find((c) => /^the\s/i.test(c.name)) || characters[0];
  if (meant) meant.name = name;
  else requirements.characters = [{ name, description: noun ? `a ${noun}` : '' }];
}

/** The value of the last rule whose words appear in the text not right after "not"/"no"/"n't"/"without". */
function lastSaid<T>(text: string, rules: readonly WordRule<T>[]): WordRule<T> | null {
  let best: { rule: WordRule<T>; at: number } | null = null;
  for (const rule of rules) {
    for (const match of text.toLowerCase().matchAll(rule.words)) {
      const before = text.slice(Math.max(0, match.index - 14), match.index).toLowerCase();
      if (/\b(?:not|no|n't|never|without|less)\s+(?:too\s+|very\s+|a\s+|an\s+|so\s+)?$/.test(before)) continue;
      if (!best || match.index > best.at) best = { rule, at: match.index };
    }
  }
  return best?.rule ?? null;
}

function blank(reading: Reading, start: number, length: number): void {
  reading.text = `${reading.text.slice(0, start)}${' '.repeat(length)}${reading.text.slice(start + length)}`;
}

function sentence(text: string): string {
  const trimmed = text.trim().replace(/\s+/g, ' ');
  return `${trimmed.charAt(0).toUpperCase()}${trimmed.slice(1)}${/[.!?]$/.test(trimmed) ? '' : '.'}`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const LIMITS = { title: 120, setting: 300, plot: 1000, narratorVoice: 60 } as const;

function clipToContract(r: StoryRequirements): StoryRequirements {
  const clip = (value: string | null, max: number) => (value !== null && value.length > max ? value.slice(0, max).trimEnd() : value);
  return {
    ...r,
    title: clip(r.title, LIMITS.title),
    setting: clip(r.setting, LIMITS.setting),
    plot: clip(r.plot, LIMITS.plot),
    narratorVoice: clip(r.narratorVoice, LIMITS.narratorVoice),
    characters: r.characters.map((c) => ({ name: c.name.slice(0, 60).trim(), description: c.description.slice(0, 300).trim() })),
  };
}
