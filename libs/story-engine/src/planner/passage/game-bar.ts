import { NAMES_IN_CAST, PAST_TENSE, wordsOf, type PassageRule } from './passage-rules';
import { NURSERY } from './passage-words';

const SUBJECT_PRONOUN = /^(?:he|she|they|it|his|her|their)$/i;
const firstWord = (text: string) => /^["“]?(\p{L}+)/u.exec(text)?.[1] ?? '';

/**
 * The game's bar for a model passage, on top of strict: about the player or
 * the cast, naming nobody else, in the past tense and out of the nursery
 * (unless the scene itself has the word). A passage that breaks any rule is
 * not used.
 */
export const GAME_BAR: readonly PassageRule[] = [
  PAST_TENSE,
  {
    name: 'no he or she',
    reason: 'With the player as "you", a he, she or they has no clear referent ("He wanted to help him").',
    breaks: (f) => /\b(?:he|she|him|her|his|hers|they|them|their)\b/i.test(f.narration),
  },
  {
    name: 'later sentences open with a name',
    reason: 'Each sentence after the first opens with the name of someone in the story, so the passage stays with them.',
    breaks: (f) => f.sentences.slice(1).some((s) => !f.known.has(firstWord(s))),
  },
  {
    name: 'no nursery',
    reason: 'TinyStories’ own world (parks, toys, pets, mom) pulls a game scene off its setting, unless the scene itself has the word.',
    breaks: (f) => {
      const scene = new Set(wordsOf(`${f.context.scene ?? ''} ${f.context.prompt}`));
      return f.words.some((word) => NURSERY.has(word) && !scene.has(word));
    },
  },
  NAMES_IN_CAST,
  {
    name: 'opens with someone in the story',
    reason: 'The passage is about the player or the cast: it opens with one of their names, or a pronoun for them.',
    breaks: (f) => !f.known.has(firstWord(f.passage)) && !SUBJECT_PRONOUN.test(firstWord(f.passage)),
  },
  {
    name: 'a name once, outside quotes',
    reason: '"Thank you, Sam!" would become "Thank you, you!", and "Sam wanted to help Sam" reads as a loop.',
    breaks: (f) => {
      const quoted = (f.passage.match(/["“][^"”]*["”]/g) ?? []).join(' ');
      return [...f.known].some((name) => quoted.includes(name) || f.passage.split(name).length > 2);
    },
  },
  {
    name: 'cheerful only in a cheerful tone',
    reason: 'TinyStories’ cheerful mood does not fit a tense or sad scene.',
    breaks: (f) => !f.context.mood.includes('happy') && /\b(?:happy|excited|glad|fun|cheerful)\b/i.test(f.passage),
  },
  {
    name: 'no article opening',
    reason: 'Narration that opens on "the", "a", "one" or "some" is about a thing or a stranger, not someone in the story.',
    breaks: (f) => /^(?:the|a|an|one|some)\b/i.test(f.narration.trim()),
  },
];
