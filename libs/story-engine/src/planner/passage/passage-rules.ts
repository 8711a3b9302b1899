import { splitSentences } from '@storyos/domain';
import type { PassageContext } from './passage-context';
import { PRESENT, STARTERS } from './passage-words';

/** What the bars look at in one shaped passage, worked out once. */
export interface PassageFacts {
  readonly passage: string;
  /** The passage with its quoted speech blanked out. */
  readonly narration: string;
  readonly sentences: readonly string[];
  /** Every word, lower case, in order. */
  readonly words: readonly string[];
  /** Each word of the names that may appear (cast, player). */
  readonly known: ReadonlySet<string>;
  readonly context: PassageContext;
}

/** One thing a bar asks of a model passage. */
export interface PassageRule<Facts extends PassageFacts = PassageFacts> {
  /** What it asks, in a few words: how tests and readers refer to it. */
  readonly name: string;
  /** Why a passage that breaks it is refused. */
  readonly reason: string;
  breaks(facts: Facts): boolean;
}

export function passageFacts(passage: string, context: PassageContext): PassageFacts {
  return {
    passage,
    narration: passage.replace(/["“][^"”]*["”]/g, ' '),
    sentences: splitSentences(passage),
    words: wordsOf(passage),
    known: new Set(context.known.flatMap((name) => name.split(/\s+/))),
    context,
  };
}

/** The names of the rules a passage breaks, in the bar's order; none: it passes. */
export function brokenRules<Facts extends PassageFacts>(bar: readonly PassageRule<Facts>[], facts: Facts): string[] {
  return bar.filter((rule) => rule.breaks(facts)).map((rule) => rule.name);
}

export function passesBar<Facts extends PassageFacts>(bar: readonly PassageRule<Facts>[], facts: Facts): boolean {
  return !bar.some((rule) => rule.breaks(facts));
}

export function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/\p{L}+/gu) ?? [];
}

/** Both bars ask these. */
export const PAST_TENSE: PassageRule = {
  name: 'past tense',
  reason: 'Stories here are told in the past tense: a present-tense verb outside quotes is the model stepping out of it.',
  breaks: (f) => PRESENT.test(f.narration),
};

export const NAMES_IN_CAST: PassageRule = {
  name: 'names from the cast',
  reason: 'Everyone named is someone in the story (TinyStories’ Lily or Tim is a stranger here); a word opening a sentence or a quote ("Hello", "Don’t") is not a name.',
  breaks: (f) => [...f.passage.matchAll(/(?<![.!?]\s|["“]|\p{L})\p{Lu}\p{Ll}*(?!['’\p{L}])/gu)].some(([word]) => !f.known.has(word) && !STARTERS.has(word) && word !== 'I'),
};
