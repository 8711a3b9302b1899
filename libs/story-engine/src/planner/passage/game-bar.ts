import { NAMES_IN_CAST, PAST_TENSE, wordsOf, type PassageFacts, type PassageRule } from './passage-rules';
import { NURSERY, PAST_VERBS, REPEATABLE } from './passage-words';

/** Words any scene may use: small words, the common verbs of narration, and bodies and voices. */
const ANY_SCENE = new Set(
  (
    'you your yours them then than there this that these those what when where which while with from into onto over under near away back down each every some more most very much many just only even still also again about around through across along before after ' +
    'felt heard knew thought looked seemed stood turned waited wanted tried began kept held took gave made came went found told asked said called saw sat ran walked moved reached whispered nodded ' +
    'could would should might must will shall have does done being been had has did not no nothing something someone anything everything all one two three first last next ' +
    'eyes face hand hands head voice breath heart feet arm arms step steps moment time way thing things place there here now ' +
    'suddenly slowly quietly quickly softly carefully gently finally see look hear know find come take thank thanks please hello yes okay sorry wait help'
  ).split(' '),
);
/** Sizes and qualities that cannot both be true of one thing in one sentence ("a small huge hat"). */
const OPPOSITES: ReadonlyArray<readonly [string, string]> = [
  ['small', 'huge'],
  ['small', 'big'],
  ['little', 'huge'],
  ['little', 'big'],
  ['tiny', 'huge'],
  ['tiny', 'big'],
  ['tiny', 'giant'],
  ['short', 'tall'],
  ['hot', 'cold'],
  ['dark', 'bright'],
  ['old', 'new'],
  ['empty', 'full'],
  ['quiet', 'loud'],
];

/** Of `text`'s words, those neither the scene (its setting, place, role, prompt, mood, tone) nor any scene would use, and how many come from the scene. */
function foreignWords(f: PassageFacts, text: string, withVocabulary = true): { foreign: string[]; fromScene: number } {
  const scene = new Set([...wordsOf(`${f.context.scene ?? ''} ${f.context.prompt} ${f.context.mood.join(' ')}`), ...(withVocabulary ? (f.context.vocabulary ?? []) : [])]);
  const known = new Set([...f.known].map((name) => name.toLowerCase()));
  let fromScene = 0;
  const foreign: string[] = [];
  for (const word of wordsOf(text)) {
    if (scene.has(word) || scene.has(word.replace(/s$/, ''))) fromScene += 1;
    else if (word.length < 3 || REPEATABLE.has(word) || ANY_SCENE.has(word) || known.has(word) || PAST_VERBS.has(word) || /ed$/.test(word)) continue;
    else foreign.push(word);
  }
  return { foreign, fromScene };
}

const SUBJECT_PRONOUN = /^(?:he|she|they|it|his|her|their)$/i;
const firstWord = (text: string) => /^["“]?(\p{L}+)/u.exec(text)?.[1] ?? '';
const quotedSpeech = (f: PassageFacts): string => (f.passage.match(/["“][^"”]*["”]/g) ?? []).join(' ');

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
    name: 'stays in the scene',
    reason: 'The tiny model wanders off ("I saw a small huge hat" in a lighthouse): narration may bring in at most one word the scene does not have.',
    breaks: (f) => foreignWords(f, f.narration).foreign.length > 1,
  },
  {
    name: 'speech fits the scene',
    reason: '"Elias said, \'I am rich!\'" in a mysterious lighthouse: what a character says must touch the scene (or be a plain courtesy).',
    breaks: (f) => {
      // The tone's phrase banks are full of everyday words: speech must touch this scene itself.
      const { foreign, fromScene } = foreignWords(f, quotedSpeech(f), false);
      return foreign.length > 1 || (foreign.length === 1 && fromScene === 0);
    },
  },
  {
    name: 'no contradiction',
    reason: 'Opposites side by side ("a small huge hat", "the dark bright room") are the model losing the thread.',
    breaks: (f) => f.sentences.some((sentence) => {
      const words = new Set(wordsOf(sentence));
      return OPPOSITES.some(([a, b]) => words.has(a) && words.has(b));
    }),
  },
  {
    name: 'no article opening',
    reason: 'Narration that opens on "the", "a", "one" or "some" is about a thing or a stranger, not someone in the story.',
    breaks: (f) => /^(?:the|a|an|one|some)\b/i.test(f.narration.trim()),
  },
];
