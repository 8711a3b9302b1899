import type { AgeBand, StoryStyle, CreateStoryTone } from '@storyos/contracts';
import { PLACE_NOUNS } from '../text/place-nouns';

/**
 * Who can be a character in a picture-book story. A noun outside this list
 * is never made a character: "a story for my daughter" names the audience,
 * not the hero.
 */
export const CHARACTER_NOUNS: ReadonlySet<string> = new Set(
  (
    'dragon princess prince king queen knight wizard witch fairy unicorn mermaid pirate robot alien astronaut monster giant troll elf gnome goblin ' +
    'girl boy kid child baby brother sister mom mum mother dad father grandma granny grandpa grandad friend twin twins family ' +
    'cat kitten kitty dog puppy bunny rabbit bear cub fox owl mouse duck duckling pig piglet cow calf horse pony lion tiger elephant giraffe monkey ' +
    'penguin frog turtle tortoise hedgehog squirrel bird fish whale dolphin octopus dinosaur snail bee butterfly ladybug ladybird caterpillar wolf ' +
    'sheep lamb goat hen chicken chick seal otter koala panda kangaroo zebra hippo crocodile badger beaver raccoon deer fawn sloth parrot crab ' +
    'star cloud moon sun tree train truck car tractor boat rocket snowman scarecrow teddy doll toy ghost detective doctor teacher farmer chef ' +
    'scientist explorer superhero inventor sailor captain baker firefighter keeper gardener fisherman man woman lady uncle aunt cousin neighbour neighbor grandmother grandfather'
  ).split(/\s+/),
);

/** Places a child's story is set in, beyond the game's place nouns. */
export const STORY_PLACE_NOUNS: ReadonlySet<string> = new Set([
  ...PLACE_NOUNS,
  ...'space sky skies clouds moon stars planet kingdom land world zoo park playground nursery treehouse rainforest savanna circus toyshop bakery pole sea seaside underwater bath bathtub bed classroom'.split(' '),
]);

/** Singular of a plural noun ("bunnies" → "bunny", "foxes" → "fox"), for looking it up. */
export function singular(word: string): string {
  if (CHARACTER_NOUNS.has(word) || STORY_PLACE_NOUNS.has(word)) return word;
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.endsWith('es') && (CHARACTER_NOUNS.has(word.slice(0, -2)) || STORY_PLACE_NOUNS.has(word.slice(0, -2)))) return word.slice(0, -2);
  if (word.endsWith('s')) return word.slice(0, -1);
  return word;
}

/** A named rule: what words say which value, and why. */
export interface WordRule<T> {
  value: T;
  words: RegExp;
  reason: string;
}

/** Words that name a tone. Bedtime stories are gentle unless said otherwise. */
export const TONE_RULES: readonly WordRule<CreateStoryTone>[] = [
  { value: 'gentle', words: /\b(?:bedtime|gentle|calm|calming|soothing|sleepy|soft|quiet)\b/g, reason: 'A bedtime or calm story is gentle.' },
  { value: 'cozy', words: /\b(?:cozy|cosy|snug|snuggly|warm and fuzzy)\b/g, reason: 'Said outright.' },
  { value: 'funny', words: /\b(?:funny|funnier|hilarious|humou?rous|make (?:me|us|him|her|them) laugh|full of jokes)\b/g, reason: 'Laughter asked for.' },
  { value: 'silly', words: /\b(?:silly|goofy|wacky|zany|ridiculous)\b/g, reason: 'Said outright.' },
  { value: 'exciting', words: /\b(?:exciting|thrilling|action[- ]packed|epic)\b/g, reason: 'Excitement asked for.' },
  { value: 'mysterious', words: /\b(?:mysterious|intriguing)\b/g, reason: 'Said outright.' },
  { value: 'heartwarming', words: /\b(?:heartwarming|heart-warming|touching|sweet)\b/g, reason: 'Said outright.' },
  { value: 'spooky', words: /\b(?:spooky|creepy|scary)\b/g, reason: 'Said outright; the age band still keeps young stories free of frightening words.' },
  { value: 'wistful', words: /\b(?:wistful|bittersweet|sad|melancholy|nostalgic)\b/g, reason: 'Said outright.' },
];

/** Words that name a kind of story (seed 002: fantasy, sci-fi, …). Only what is said: a dragon alone does not make a fantasy here. */
export const STYLE_RULES: readonly WordRule<StoryStyle>[] = [
  { value: 'fantasy', words: /\b(?:fantasy|magical story|magic story)\b/g, reason: 'Said outright.' },
  { value: 'sci-fi', words: /\b(?:sci-?fi|science[- ]fiction|futuristic|space (?:story|adventure))\b/g, reason: 'Said outright; a space story is science fiction.' },
  { value: 'adventure', words: /\b(?:adventure story|an adventure|adventurous)\b/g, reason: 'Said outright.' },
  { value: 'fairy-tale', words: /\b(?:fairy[- ]?tale|fairytale|once upon a time)\b/g, reason: 'Said outright.' },
  { value: 'animals', words: /\b(?:animal (?:story|tale)|about animals)\b/g, reason: 'Said outright.' },
  { value: 'mystery', words: /\b(?:mystery|detective story|whodunn?it)\b/g, reason: 'Said outright.' },
  { value: 'funny', words: /\b(?:comedy|funny story|a funny one)\b/g, reason: 'A funny story is the funny kind.' },
  { value: 'everyday', words: /\b(?:everyday|real[- ]life|slice of life)\b/g, reason: 'Said outright.' },
  { value: 'spooky', words: /\b(?:ghost story|halloween story|spooky story)\b/g, reason: 'Said outright.' },
  { value: 'historical', words: /\b(?:historical|history story|long ago in history)\b/g, reason: 'Said outright.' },
];

/** Words that say who the story is for without an age. */
export const AUDIENCE_RULES: readonly WordRule<AgeBand>[] = [
  { value: '0-3', words: /\b(?:toddlers?|babies|baby|infants?|newborns?|one-year-olds?|two-year-olds?)\b/g, reason: 'Under four.' },
  { value: '4-6', words: /\b(?:preschoolers?|pre-schoolers?|kindergart(?:e|n)(?:n)?ers?|kindergarten)\b/g, reason: 'Four to six.' },
  { value: '10-12', words: /\b(?:tweens?|preteens?|pre-teens?)\b/g, reason: 'Ten to twelve.' },
  { value: 'teen', words: /\b(?:teens?|teenagers?|teenage|young adults?)\b/g, reason: 'Thirteen to seventeen.' },
  { value: 'adult', words: /\b(?:adults?|grown-?ups?|for me and my (?:wife|husband|partner))\b/g, reason: 'Grown-ups.' },
];

/** The band for an age in years. */
export function ageBandForYears(years: number): AgeBand {
  if (years <= 3) return '0-3';
  if (years <= 6) return '4-6';
  if (years <= 9) return '7-9';
  if (years <= 12) return '10-12';
  if (years <= 17) return 'teen';
  return 'adult';
}
