import type { AgeBand } from '@storyos/contracts';

/**
 * Words a story for a band must not hold, as named rules with a reason.
 * `words` are exact forms, or stems ending in `*` ("kill*" is kill, killed,
 * killer…); `allowed` are phrases where a word is harmless ("shooting star").
 */
export interface ContentRule {
  name: string;
  reason: string;
  bands: readonly AgeBand[];
  words: readonly string[];
  allowed?: readonly string[];
  /** The problem in plain words, with what was found. */
  problem: string;
}

const YOUNG: readonly AgeBand[] = ['0-3', '4-6', '7-9'];
const CHILDREN: readonly AgeBand[] = ['0-3', '4-6', '7-9', '10-12'];
const UNDER_ADULT: readonly AgeBand[] = ['0-3', '4-6', '7-9', '10-12', 'teen'];

export const CONTENT_RULES: readonly ContentRule[] = [
  {
    name: 'violence',
    reason: 'Picture books and early readers do not show people hurting each other.',
    bands: YOUNG,
    words: ['kill*', 'murder*', 'slay', 'slays', 'slayed', 'slain', 'stab', 'stabs', 'stabbed', 'stabbing', 'shoot', 'shoots', 'shot', 'shooting', 'punch', 'punched', 'punching', 'strangl*', 'attack*', 'fight', 'fights', 'fighting', 'fought', 'beat up', 'war', 'wars', 'battle*', 'assault*', 'torture*', 'kidnap*', 'revenge', 'wound', 'wounded', 'wounds'],
    allowed: ['shooting star', 'shooting stars', 'pillow fight', 'snowball fight', 'water fight', 'tickle fight'],
    problem: 'violence',
  },
  {
    name: 'weapons',
    reason: 'No weapons in stories for young children, even carried.',
    bands: YOUNG,
    words: ['weapon*', 'gun', 'guns', 'gunfire', 'gunshot*', 'rifle*', 'pistol*', 'knife', 'knives', 'sword*', 'dagger*', 'spear', 'spears', 'bomb', 'bombs', 'bombed', 'bullet*', 'grenade*', 'cannon*', 'arrows', 'crossbow*'],
    problem: 'weapons',
  },
  {
    name: 'death',
    reason: 'Death is for an adult to talk about with a young child, not for a bedtime story to bring up.',
    bands: YOUNG,
    words: ['die', 'dies', 'died', 'dying', 'dead', 'death*', 'deadly', 'corpse*', 'funeral*', 'graveyard*', 'coffin*', 'ghost*', 'skeleton*'],
    problem: 'death',
  },
  {
    name: 'gore',
    reason: 'Blood and injuries described in detail are not for children.',
    bands: CHILDREN,
    words: ['blood*', 'gore', 'gory', 'gruesome', 'guts', 'entrails', 'dismember*', 'disembowel*', 'decapitat*', 'severed', 'mutilat*'],
    problem: 'blood or gore',
  },
  {
    name: 'frightening',
    reason: 'Young children may be shy or a little scared in a story, but not terrified: frightening words stay out.',
    bands: YOUNG,
    words: ['terrif*', 'horrif*', 'horror*', 'nightmare*', 'scream*', 'shriek*', 'haunt*', 'zombie*', 'demon*', 'evil', 'monstrous', 'creepy', 'sinister', 'menac*', 'frightening', 'scary', 'spooky', 'monster', 'monsters', 'vampire*', 'witchcraft', 'curse', 'cursed', 'doom*', 'dread*'],
    problem: 'frightening words',
  },
  {
    name: 'sexual content',
    reason: 'Sexual content is for adults only.',
    bands: UNDER_ADULT,
    words: ['sex', 'sexy', 'sexual*', 'naked', 'nude', 'nudity', 'porn*', 'erotic*', 'orgasm*', 'aroused', 'seduc*'],
    problem: 'sexual content',
  },
  {
    name: 'swearing',
    reason: 'Strong swearing is for adults only.',
    bands: UNDER_ADULT,
    words: ['fuck*', 'motherfuck*', 'shit*', 'cunt*', 'bitch*', 'bastard*', 'asshole*', 'dick', 'dicks', 'piss', 'pissed', 'damn', 'damned', 'hell'],
    problem: 'swearing',
  },
  {
    name: 'drugs and drink',
    reason: 'Drugs, getting drunk and smoking are not for children.',
    bands: CHILDREN,
    words: ['cocaine', 'heroin', 'meth', 'drug', 'drugs', 'drunk*', 'beer*', 'wine', 'whisky', 'whiskey', 'vodka', 'cigarette*', 'smoking', 'overdos*'],
    problem: 'drugs or alcohol',
  },
];

/** How plain the language must be for a band; absent: no limit. */
export interface LanguageLimits {
  /** Most words in one sentence. */
  maxSentenceWords: number;
  /** Share of words with four or more syllables allowed (names aside). */
  maxLongWordShare: number;
}

export const LANGUAGE_LIMITS: Readonly<Partial<Record<AgeBand, LanguageLimits>>> = {
  '0-3': { maxSentenceWords: 12, maxLongWordShare: 0.02 },
  '4-6': { maxSentenceWords: 16, maxLongWordShare: 0.04 },
  '7-9': { maxSentenceWords: 22, maxLongWordShare: 0.08 },
  '10-12': { maxSentenceWords: 32, maxLongWordShare: 0.15 },
};

/** "ages 4 to 6" for messages. */
export function describeAgeBand(band: AgeBand): string {
  if (band === 'teen') return 'teenagers';
  if (band === 'adult') return 'adults';
  const [from, to] = band.split('-');
  return `ages ${from} to ${to}`;
}
