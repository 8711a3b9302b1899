import type { PassageSubject } from './passage-context';
import { NAMES_IN_CAST, PAST_TENSE, wordsOf, type PassageFacts, type PassageRule } from './passage-rules';
import { ADJECTIVES, CHEERFUL, FEELINGS, FOOD_AND_TOYS, NURSERY, PAST_VERBS, REPEATABLE, RESTART, WRITER_NURSERY } from './passage-words';

export interface WriterFacts extends PassageFacts {
  readonly subject: PassageSubject;
}

/** The word after the subject's name, past an adverb. */
const VERB_AFTER_NAME = /^\s+(?:(?:also|then|quickly|slowly|suddenly|quietly|finally|just|still|never|always|carefully)\s+)?(\p{Ll}+)/u;
const PRONOUNS = /^(?:he|him|his|himself|she|her|hers|herself|they|them|their|theirs|themselves|it|its|itself)$/;
const OWN_PRONOUNS = { she: /^(?:she|her|hers|herself)$/, he: /^(?:he|him|his|himself)$/ };
/** The deed after the subject's name: "heard a loud noise". */
const deedOf = (f: WriterFacts) => f.passage.slice(f.subject.name.length).trim().replace(/[.!?]+$/, '').toLowerCase();

/**
 * The Writer's bar for a model passage, on top of strict: about the chosen
 * cast member (it starts with their name), naming nobody else, keeping its
 * pronouns for them, in the past tense, out of the nursery and the kitchen
 * (unless the prompt has the word), cheerful only in cheerful tones, and free
 * of the model's loops and lost grammar. A passage that breaks any rule is not
 * used.
 */
export const WRITER_BAR: readonly PassageRule<WriterFacts>[] = [
  PAST_TENSE,
  {
    name: 'opens with the subject',
    reason: 'The planner chose whose moment this is: the passage starts with their name.',
    breaks: (f) => !f.passage.startsWith(f.subject.name),
  },
  {
    name: 'the subject did something',
    reason: '"Ada many people", "Ada grow big", "Inspector Rook, there was": the name is the subject of a past-tense verb, an adverb at most between them.',
    breaks: (f) => {
      const verb = VERB_AFTER_NAME.exec(f.passage.slice(f.subject.name.length))?.[1] ?? '';
      return !/ed$/.test(verb) && !PAST_VERBS.has(verb);
    },
  },
  {
    name: 'later sentences stay with the subject',
    reason: 'Every later sentence is about the subject too, by name or by their pronoun.',
    breaks: (f) => {
      const pronoun = f.subject.pronoun === 'she' ? /^She\b/ : f.subject.pronoun === 'he' ? /^He\b/ : null;
      return f.sentences.slice(1).some((s) => !s.startsWith(f.subject.name) && !(pronoun?.test(s) ?? false));
    },
  },
  {
    name: 'pronouns only for the subject',
    reason: 'A pronoun may only mean the subject, and a first- or second-person narrator has none; "it" and "they" have no clear referent.',
    breaks: (f) => {
      const own = f.subject.pronoun === null ? null : OWN_PRONOUNS[f.subject.pronoun];
      return wordsOf(f.narration).some((word) => PRONOUNS.test(word) && !(own?.test(word) ?? false));
    },
  },
  NAMES_IN_CAST,
  {
    name: 'no nursery, kitchen or toy box',
    reason: 'TinyStories reaches for animals, family, food and toys whatever the story: such a word stays out unless the prompt has it.',
    breaks: (f) => {
      const prompt = new Set(wordsOf(f.context.prompt));
      return f.words.some((word) => (NURSERY.has(word) || FOOD_AND_TOYS.has(word) || WRITER_NURSERY.has(word)) && !prompt.has(word));
    },
  },
  {
    name: 'cheerful only in a cheerful tone',
    reason: 'TinyStories’ parties, giggles and hugs do not fit a suspenseful or sad story.',
    breaks: (f) => !f.context.mood.includes('happy') && CHEERFUL.test(f.passage),
  },
  {
    name: 'no word twice in a sentence',
    reason: '"a big box of broccoli colorful broken box", "scared … also scared": a word twice in one sentence is the model looping (small words and names aside).',
    breaks: (f) =>
      f.sentences.some((s) => {
        const seen = new Set<string>();
        for (const word of wordsOf(s)) {
          if (REPEATABLE.has(word) || f.known.has(word.charAt(0).toUpperCase() + word.slice(1))) continue;
          if (seen.has(word)) return true;
          seen.add(word);
        }
        return false;
      }),
  },
  {
    name: 'no pile of adjectives',
    reason: 'TinyStories piles up adjectives ("a big, shiny blue clown"): three in a row, commas and "and" between them allowed, is too many.',
    breaks: (f) => {
      let run = 0;
      for (const word of f.passage.toLowerCase().split(/[\s,]+/).map((w) => w.replace(/[^\p{L}]/gu, ''))) {
        if (word === 'and' || word === 'very' || word === '') continue;
        run = ADJECTIVES.has(word) ? run + 1 : 0;
        if (run >= 3) return true;
      }
      return false;
    },
  },
  {
    name: 'no tale of its own',
    reason: '"One day", "Once upon a time", "The end": the model starting or ending a tale of its own.',
    breaks: (f) => RESTART.test(f.passage),
  },
  {
    name: 'nobody new named',
    reason: '"a girl named Lily" brings a stranger into the cast.',
    breaks: (f) => /\b(?:named|called)\s+\p{Lu}/u.test(f.passage),
  },
  {
    name: 'a feeling joins a feeling',
    reason: '"heard a loud noise and scared": a feeling joined by "and" to something that is not one is grammar the model lost.',
    breaks: (f) =>
      [...f.passage.toLowerCase().matchAll(/(\p{L}+),? and (\p{L}+)/gu)].some(
        ([, before, feeling]) => FEELINGS.has(feeling!) && !FEELINGS.has(before!) && !/^(?:was|were|felt|very|so|too|got|looked|seemed)$/.test(before!),
      ),
  },
  {
    name: 'no stray -ing after "and"',
    reason: '"looked at the telephone and running around": a verb that lost its tense.',
    breaks: (f) => /\band (?!\p{L}*thing\b)\p{L}+ing\b/u.test(f.passage),
  },
  {
    name: 'a feeling is not a thing',
    reason: '"felt like a piece of magic bag": "felt" followed by "a" or "an" is the model losing the sentence.',
    breaks: (f) => /\bfelt (?:like )?(?:a|an)\b/.test(f.passage),
  },
  {
    name: 'no article before a plural',
    reason: '"a clouds": an article before a plural noun ("a famous", "a glass", "a bus" are not plurals).',
    breaks: (f) => /\b(?:a|an)\s+(?:\p{L}+\s+)?\p{L}+[^s\s]s\b(?!['’])/u.test(f.passage.replace(/\b(?:a|an)\s+(?:\p{L}+ous|\p{L}+ss|bus|lens|news|series)\b/gu, '')),
  },
  {
    name: 'no deed twice in a chapter',
    reason: 'The same deed twice in a chapter reads as a loop, whatever the point of view ("I heard a loud noise", then "Ada heard a loud noise").',
    breaks: (f) => f.context.written !== undefined && deedOf(f).length > 0 && f.context.written.toLowerCase().includes(deedOf(f)),
  },
];
